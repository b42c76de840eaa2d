/**
 * An independent exact oracle for tests: fractions of BigInts. It shares no code with the
 * engine (which uses decimal.js), so agreement between the two is evidence, not an echo.
 */
export class Rational {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new Error("zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    this.n = g === 0n ? 0n : n / g;
    this.d = g === 0n ? 1n : d / g;
  }

  /** A decimal literal such as "0.09" or "-1234.5" or a number read as its shortest decimal form. */
  static of(value: string | number | bigint): Rational {
    if (typeof value === "bigint") return new Rational(value);
    const text = typeof value === "number" ? String(value) : value;
    const [mantissa, exp = "0"] = text.split(/e/i);
    const [whole, fraction = ""] = mantissa.split(".");
    const exponent = Number(exp) - fraction.length;
    const digits = BigInt(whole + fraction);
    return exponent >= 0
      ? new Rational(digits * 10n ** BigInt(exponent))
      : new Rational(digits, 10n ** BigInt(-exponent));
  }

  plus(o: Rational | number | string): Rational {
    const b = toRational(o);
    return new Rational(this.n * b.d + b.n * this.d, this.d * b.d);
  }
  minus(o: Rational | number | string): Rational {
    const b = toRational(o);
    return new Rational(this.n * b.d - b.n * this.d, this.d * b.d);
  }
  times(o: Rational | number | string): Rational {
    const b = toRational(o);
    return new Rational(this.n * b.n, this.d * b.d);
  }
  div(o: Rational | number | string): Rational {
    const b = toRational(o);
    return new Rational(this.n * b.d, this.d * b.n);
  }
  pow(k: number): Rational {
    let result = new Rational(1n);
    for (let i = 0; i < k; i++) result = result.times(this);
    return result;
  }
  lt(o: Rational | number | string): boolean {
    const b = toRational(o);
    return this.n * b.d < b.n * this.d;
  }

  /** The nearest double, through a 60-digit decimal string (JavaScript parses correctly rounded). */
  toNumber(): number {
    const negative = this.n < 0n;
    const n = negative ? -this.n : this.n;
    const whole = n / this.d;
    let rest = n % this.d;
    let fraction = "";
    for (let i = 0; i < 60; i++) {
      rest *= 10n;
      fraction += (rest / this.d).toString();
      rest %= this.d;
    }
    return Number(`${negative ? "-" : ""}${whole}.${fraction}`);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function toRational(value: Rational | number | string): Rational {
  return value instanceof Rational ? value : Rational.of(value);
}

/** Excel's NPV(rate, m1..mn) = sum m_t / (1+rate)^t, exactly. */
export function npv(rate: number | string, margins: (number | string)[]): Rational {
  const growth = Rational.of(1).plus(rate);
  return margins.reduce<Rational>(
    (sum, m, i) => sum.plus(Rational.of(m).div(growth.pow(i + 1))),
    new Rational(0n)
  );
}
