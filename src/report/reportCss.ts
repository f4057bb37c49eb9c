/** The report page's styles (inline in the page; no fonts or images are loaded). */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{display:flex;flex-direction:column;height:100vh;margin:0;font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;background:#f6f7f9}
.mono,pre,.chip,.tree{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
header.top{flex:none;padding:10px 16px;background:#fff;border-bottom:1px solid #d8dce3}
h1{margin:0;font-size:18px}
#description{margin:4px 0;color:#4a5365;max-width:1100px}
#header{margin:2px 0;color:#6a7385;font-size:12px}
.toolbar{margin-top:6px;display:flex;gap:10px;align-items:center}
#search{width:280px;padding:4px 8px;border:1px solid #b9c0cc;border-radius:4px;font-size:13px}
.hint{color:#7a8295;font-size:12px}
#graph{flex:none;padding:6px 16px;background:#fff;border-bottom:1px solid #d8dce3;overflow-x:auto}
#graph h2{font-size:13px;margin:4px 0;color:#4a5365;display:inline}
#graph summary{cursor:pointer}
.graph{display:flex;gap:24px;align-items:flex-start}
.graph svg{flex:none}
#graph details{max-height:240px;overflow:auto}
.lineage .node rect{fill:#eef2fb;stroke:#7b8bb5}
.lineage .node.input rect{fill:#e7f6ec;stroke:#4f9a68}
.lineage .node.window rect{fill:#fdf3e1;stroke:#c48a22}
.lineage .node.output rect{fill:#f3eafb;stroke:#8a5cb8}
.lineage text.name{font-size:12px;font-weight:600;fill:#1d2330}
.lineage text.label{font-size:11px;fill:#4a5365}
.lineage .edge{fill:none;stroke:#8a93a6;stroke-width:1.4}
.lineage .arrowhead{fill:#8a93a6}
.tree{font-size:11px;color:#4a5365;margin:0;white-space:pre}
#golden-banner{flex:none;padding:8px 16px;border-bottom:1px solid #d8dce3}
#golden-banner.pass{background:#e7f6ec}
#golden-banner.fail,#golden-banner.missing{background:#fdeaea}
#golden-banner button{margin-left:12px}
pre.diff{background:#fff;padding:6px;max-height:260px;overflow:auto}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(320px,2fr);grid-template-rows:minmax(0,1fr);flex:1 1 0;min-height:300px}
#axis{display:flex;flex-direction:column;min-width:0;min-height:0;border-right:1px solid #d8dce3;background:#fff}
#lane-header{overflow:hidden;flex:none;border-bottom:1px solid #d8dce3;background:#f0f2f6}
#rows{position:relative;overflow:auto;flex:1 1 0;min-height:0;outline:none}
.spacer{position:relative}
.lane-header,.row{display:flex}
.col{flex:none;padding:3px 6px;border-right:1px solid #eceef2;overflow:hidden}
.col.time{width:150px}.col.marks{width:90px}.col.lane{width:190px;position:relative}
.lane-header .col{font-weight:600;height:44px}
.lane-header .col.focused{background:#fff4c2}
.lineage .node{cursor:pointer}
.lane-name{display:block;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.lane-kind{display:block;font-weight:400;font-size:11px;color:#6a7385;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.row{left:0;border-bottom:1px solid #eceef2;cursor:pointer;overflow:visible}
.row .col{height:100%;overflow:visible}
.row:hover{background:#f4f7ff}
.row.selected{background:#e3ebff}
.row.has-hit .col.time{box-shadow:inset 4px 0 #f0b400}
.row.diff .col.time{box-shadow:inset 4px 0 #d64545}
.row.before,.row.after{background:#fafafa;color:#555}
.row-title{font-weight:600}
.diff-flag{color:#c02f2f;font-weight:600}
.row .diff-flag{display:block;font-size:11px}
.chips{display:flex;flex-wrap:wrap;gap:2px;max-height:50px;overflow:hidden}
.chip{display:inline-block;padding:0 4px;border-radius:3px;background:#eef1f6;border:1px solid #dde2ea;font-size:11.5px;white-space:pre;max-width:170px;overflow:hidden;text-overflow:ellipsis}
.lane.source .chip{background:#e7f6ec}
.printed .chip{background:#1d2330;color:#e8ebf2;border-color:#1d2330}
.chip.hit,tr.hit td,pre.output.hit{background:#ffe58a;border-color:#e0b400}
.part{display:inline-flex;flex-wrap:wrap;gap:2px;border-left:3px solid #7b8bb5;padding-left:2px;margin-right:2px;min-height:18px}
.part.empty{border-left-color:#c3c9d6}
.more,.none{color:#7a8295;font-size:11px}
.lane.in-window{background:rgba(196,138,34,.12)}
.bracket{position:absolute;width:6px;border:2px solid #c48a22;border-left:none;border-radius:0 4px 4px 0;z-index:2;pointer-events:none;opacity:.55}
.bracket.current{opacity:1;border-color:#a86a00;border-width:3px}
.mark{display:inline-block;margin-right:3px;padding:0 3px;border-radius:3px;font-size:12px}
.mark.refusal,.mark.error,.mark.failedJob{background:#fdeaea;color:#b02020}
.mark.warning{background:#fff4d6;color:#8a6000}
.mark.lifecycle{color:#3b63c4}
.state-summary,.output-summary{display:block;font-size:11px;color:#4a5365}
#details{overflow:auto;min-height:0;padding:8px 14px;background:#fff}
.details-title{margin:2px 0 6px;font-size:16px}
.detail-section h3{font-size:13px;margin:12px 0 4px;color:#4a5365;border-bottom:1px solid #eceef2}
.detail-section h4{font-size:12.5px;margin:6px 0 2px}
.sub{font-weight:400;color:#6a7385}
.marks-list{margin:0;padding-left:16px}
.mark-item.refusal,.mark-item.error,.mark-item.failedJob{color:#b02020}
.mark-detail{margin:2px 0 4px;padding:4px;background:#f6f7f9;white-space:pre-wrap}
.partitions{display:flex;flex-wrap:wrap;gap:6px}
.partition{border:1px dashed #9aa6c4;border-radius:4px;padding:3px;min-width:80px}
.partition .chips{max-height:none}
.pno{display:block;font-size:10.5px;color:#6a7385}
.arrivals{margin:0;padding-left:16px}
.at{color:#6a7385;font-size:11px}
.covers{margin:2px 0}
.batch-link{font:inherit;padding:0 4px;cursor:pointer}
.state-table{border-collapse:collapse;min-width:60%}
.state-table td,.state-table th{border:1px solid #e3e6ec;padding:2px 8px;text-align:left;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
tr.added td{background:#e3f6e8}
tr.updated td{background:#e6eefc}
tr.removed td{background:#fbe6e6;text-decoration:line-through}
tr.timedOut td{background:#f1e6fb;text-decoration:line-through}
pre.output{background:#1d2330;color:#e8ebf2;padding:6px 8px;border-radius:4px;overflow:auto}
.golden-part.differs h4{color:#b02020}
.golden-part.first{outline:2px solid #d64545;outline-offset:2px}
.side-by-side{display:grid;grid-template-columns:1fr 1fr;gap:6px}
.side-by-side pre{margin:0;background:#f6f7f9;padding:4px;overflow:auto;font-size:11.5px}
.side-by-side h5{margin:2px 0}
`;
