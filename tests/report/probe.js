// Layout facts of a starcoach HTML report, measured by the browser that renders it. The
// browser test (browser.rs) adds this script to a copy of a report, runs headless Chromium with
// --dump-dom, and reads the facts from <pre id="probe-facts"> as JSON.
(async () => {
  const facts = { overflowX: false, charts: [], sections: {}, print: {} };
  const root = document.documentElement;
  facts.overflowX = root.scrollWidth > window.innerWidth + 1;

  // A rendered chart's pixels: how many are each series' colour.
  const pixels = async (svg, keep) => {
    const vb = svg.viewBox.baseVal;
    const copy = svg.cloneNode(true);
    // Only the series' own lines and markers: the legend and the names at the ends carry
    // the colours too, and must not make up for a hidden line.
    for (const el of [...copy.children]) {
      if (!(el.matches("g.series") && keep(el.getAttribute("data-series")))) el.remove();
    }
    const scale = 2;
    const canvas = document.createElement("canvas");
    canvas.width = vb.width * scale;
    canvas.height = vb.height * scale;
    const img = new Image();
    const xml = new XMLSerializer().serializeToString(copy);
    await new Promise((ok, fail) => {
      img.onload = ok;
      img.onerror = fail;
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(xml);
    });
    const cx = canvas.getContext("2d");
    cx.fillStyle = "#fff";
    cx.fillRect(0, 0, canvas.width, canvas.height);
    cx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return cx.getImageData(0, 0, canvas.width, canvas.height).data;
  };
  const rgb = (color) => {
    const n = parseInt(color.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  };
  const count = (data, [r, g, b]) => {
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40) n++;
    }
    return n;
  };
  const intersects = (a, b) =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

  for (const svg of document.querySelectorAll("figure.chart svg")) {
    const groups = [...svg.querySelectorAll("g.series")];
    if (groups.length < 2) continue;
    const chart = { title: svg.getAttribute("aria-label"), series: [], labelOverlaps: 0 };
    const all = await pixels(svg, () => true);
    for (const g of groups) {
      const name = g.getAttribute("data-series");
      const color = rgb(g.querySelector("path, circle, rect, polygon").getAttribute("stroke"));
      const alone = await pixels(svg, (n) => n === name);
      const seen = count(all, color);
      const own = count(alone, color);
      chart.series.push({
        name,
        dash: (g.querySelector("path") || { getAttribute: () => "" }).getAttribute("stroke-dasharray") || "",
        marker: (g.querySelector("circle, rect, polygon") || { tagName: "" }).tagName,
        visible: own ? seen / own : 0,
      });
    }
    const labels = [...svg.querySelectorAll("text.end-label")].map((t) => t.getBBox());
    chart.endLabels = labels.length;
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        if (intersects(labels[i], labels[j])) chart.labelOverlaps++;
    facts.charts.push(chart);
  }

  for (const id of ["untried", "untried-all", "answers"]) {
    const el = document.getElementById(id);
    if (el) facts.sections[id] = { top: el.getBoundingClientRect().top + window.scrollY, height: el.offsetHeight };
  }

  // Print: the text of every answer, as laid out on screen and then with the stylesheet's
  // print rules applied as if printing (each @media print block copied out for the screen).
  const answers = () =>
    [...document.querySelectorAll(".answer")].map((a) => ({
      text: a.textContent.slice(0, 40),
      shown: a.checkVisibility() && a.getClientRects().length > 0 && a.offsetHeight > 0,
    }));
  facts.print.screen = answers();
  let rules = "";
  for (const sheet of document.styleSheets)
    for (const rule of sheet.cssRules)
      if (rule instanceof CSSMediaRule && rule.media.mediaText.includes("print"))
        for (const inner of rule.cssRules) if (!(inner instanceof CSSPageRule)) rules += inner.cssText + "\n";
  const style = document.createElement("style");
  style.textContent = rules;
  document.head.appendChild(style);
  facts.print.printed = answers();
  facts.print.rules = rules.length;

  const out = document.createElement("pre");
  out.id = "probe-facts";
  out.textContent = JSON.stringify(facts);
  document.body.appendChild(out);
})().catch((e) => {
  const out = document.createElement("pre");
  out.id = "probe-facts";
  out.textContent = JSON.stringify({ error: String(e) });
  document.body.appendChild(out);
});
