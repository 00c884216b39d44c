// The project never uses puppeteer's own browser download (it cannot reach the download host, and
// plans are printed with an installed Chrome, Chromium or Edge). md-to-pdf, the benchmark's peer,
// depends on full puppeteer, whose install script would otherwise try to download Chrome.
module.exports = { skipDownload: true };
