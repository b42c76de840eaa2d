// office-addin-mock only needs this enum from office-addin-manifest, whose own import chain
// is ESM-only and does not load under Jest.
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
