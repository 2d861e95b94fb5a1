/// The report's inline stylesheet: system fonts for text and the embedded math font for
/// math (nothing fetched), light and dark themes following the system, a print stylesheet,
/// phone widths. A checked equation stands beside its panel on wide screens and above it on
/// narrow ones. Whatever scrolls sideways shows it with a shadow at the edge that hides more.
enum Stylesheet {
    static let css = EmbeddedMathFont.fontFace + base + scrolling + checks + media + printing

    /// The light theme's colours; print uses them whatever the system's scheme.
    private static let lightTheme = """
        --bg:#fdfdfc;--fg:#1d1f21;--muted:#5c6166;--rule:#d9dcdf;--panel:#f4f5f6;--accent:#1f5fa8;\
        --code:#f1f2f3;--pass:#176b33;--pass-bg:#e1f3e6;--fail:#b3261e;--fail-bg:#fbe4e2;\
        --inconclusive:#7a5000;--inconclusive-bg:#fcefcf;--vacuous:#4f565c;--vacuous-bg:#e8eaec;\
        --error:#b3261e;--warning:#7a5000;--shade:rgba(0,0,0,.28)
        """

    private static let base = """
        :root{color-scheme:light dark;\(lightTheme)}
        @media (prefers-color-scheme:dark){:root{--bg:#16181b;--fg:#e4e6e8;--muted:#9aa1a8;--rule:#34383d;
        --panel:#1f2226;--accent:#7db3f0;--code:#23272b;--pass:#74d491;--pass-bg:#173524;--fail:#ff8a80;
        --fail-bg:#3d1b19;--inconclusive:#f0c060;--inconclusive-bg:#3a2e12;--vacuous:#b7bec5;--vacuous-bg:#2a2e33;
        --error:#ff8a80;--warning:#f0c060;--shade:rgba(255,255,255,.3)}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI",
        Roboto,"Noto Sans","DejaVu Sans",sans-serif}
        .page{max-width:60rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
        a{color:var(--accent)}
        h1,h2,h3,h4,h5,h6{line-height:1.25;margin:1.6em 0 .6em;position:relative}
        h1{font-size:1.9rem}h2{font-size:1.45rem;border-bottom:1px solid var(--rule);padding-bottom:.2em}
        h3{font-size:1.2rem}
        .anchor{position:absolute;left:-1.1em;padding-right:.3em;color:var(--muted);text-decoration:none;
        opacity:0;font-weight:400}
        h1:hover .anchor,h2:hover .anchor,h3:hover .anchor,h4:hover .anchor,.anchor:focus{opacity:1}
        p,ul,ol,blockquote,pre{margin:0 0 1em}
        blockquote{margin-left:0;padding:.1em 1em;border-left:4px solid var(--rule);color:var(--muted)}
        code,pre{font:.9em/1.5 ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace}
        code{background:var(--code);padding:.1em .3em;border-radius:3px}
        pre{background:var(--code);padding:.8em 1em;border-radius:6px;overflow-x:auto}
        pre code{background:none;padding:0}
        img{max-width:100%}
        hr{border:0;border-top:1px solid var(--rule);margin:2em 0}
        .muted{color:var(--muted)}
        math{font-family:"\(EmbeddedMathFont.family)","STIX Two Math","Latin Modern Math","Cambria Math",math;font-size:1.08em}
        math[display=block]{overflow-x:auto;overflow-y:hidden;max-width:100%;padding:.2em 0}
        .nowrap{white-space:nowrap}
        .equation{display:flex;align-items:center;gap:1em;margin:1em 0}
        .equation>math{flex:1;min-width:0}
        .eqno,.eqref{color:var(--muted);white-space:nowrap;font-variant-numeric:tabular-nums}
        .eqno a,a.eqref{color:inherit;text-decoration:none}
        .eqno a:hover,a.eqref:hover{text-decoration:underline}
        .masthead{border-bottom:1px solid var(--rule);margin-bottom:1.5rem;padding-bottom:.5rem}
        .kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.02em}
        .masthead h1{margin:.3em 0 .2em}
        .toc{background:var(--panel);border-radius:8px;padding:.6em 1.2em;margin:0 0 1.5rem;font-size:.95rem}
        .toc h2{font-size:1rem;margin:.4em 0;border:0;padding:0}
        .toc ol{margin:0 0 .4em;padding-left:1.3em}
        .toc ol ol{margin:0}
        .cell{margin:1.2em 0;border:1px solid var(--rule);border-radius:8px;overflow:clip}
        .cell-label{display:block;font-size:.75rem;letter-spacing:.05em;text-transform:uppercase;
        color:var(--muted);padding:.35em 1em;border-bottom:1px solid var(--rule);background:var(--panel)}
        .cell pre{margin:0;border-radius:0}
        .cell .equation{padding:0 1em}
        .setup-results{width:100%;border-collapse:collapse;font-size:.9em;margin:0}
        .setup-results tr{border-top:1px solid var(--rule)}
        .setup-results th{text-align:left;padding:.3em 1em;font-weight:400;white-space:nowrap}
        .setup-results .what{padding:.3em .5em;color:var(--muted);white-space:nowrap}
        .setup-results .detail{padding:.3em 1em;overflow-wrap:anywhere}
        .not-finite{color:var(--warning)}
        .diagnostics{margin:1em 0;padding:.6em 1em;border-left:4px solid var(--error);background:var(--fail-bg);
        border-radius:4px;overflow-x:auto}
        .diagnostics.warnings{border-left-color:var(--warning);background:var(--inconclusive-bg)}
        .diagnostics pre{background:none;padding:0;margin:0;white-space:pre-wrap}
        merror{color:var(--error);outline:1px dashed var(--error)}
        footer{margin-top:3rem;border-top:1px solid var(--rule);padding-top:.8rem;color:var(--muted);
        font-size:.8rem;overflow-wrap:anywhere}

        """

    /// Scroll shadows (after Lea Verou): two covers in the box's own background scroll with
    /// the content and hide two shadows fixed at the edges while that edge is reached, so a
    /// shadow shows exactly where more content hides — on phones too, whose scrollbars hide.
    private static let scrolling = """
        pre,math[display=block],.table-scroll,.compared{--cover:var(--bg);
        background:linear-gradient(to right,var(--cover) 40%,transparent) left/1.6em 100% no-repeat local,
        linear-gradient(to left,var(--cover) 40%,transparent) right/1.6em 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%,var(--shade),transparent) left/.8em 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%,var(--shade),transparent) right/.8em 100% no-repeat scroll,
        var(--cover)}
        pre{--cover:var(--code)}

        """

    private static let checks = """
        .badge{display:inline-block;font-size:.78rem;font-weight:700;letter-spacing:.04em;padding:.1em .55em;
        border-radius:999px;white-space:nowrap;vertical-align:.08em}
        .badge.small{font-size:.68rem;padding:0 .45em}
        .badge.pass,.chip.pass{color:var(--pass);background:var(--pass-bg)}
        .badge.fail,.chip.fail,.chip.error,.badge.not-run,.chip.not-run{color:var(--fail);background:var(--fail-bg)}
        .badge.inconclusive,.chip.inconclusive{color:var(--inconclusive);background:var(--inconclusive-bg)}
        .badge.vacuous,.chip.vacuous{color:var(--vacuous);background:var(--vacuous-bg)}
        .badge.expected{outline:1px dashed currentColor}
        .summary{border:1px solid var(--rule);border-radius:10px;padding:.8em 1.2em;margin:0 0 1.5rem}
        .summary h2{border:0;margin:.2em 0 .4em;font-size:1.3rem;padding:0}
        .counts{margin:0 0 .6em}
        .chip{display:inline-block;font-weight:600;font-size:.9rem;padding:.15em .7em;border-radius:999px;margin:0 .3em .3em 0}
        .chip.zero{color:var(--muted);background:var(--panel)}
        .check-list{margin:.2em 0 .6em;padding-left:1.6em}
        .check-list li{margin:.25em 0}
        .check-list a{color:inherit;text-decoration:none}
        .check-list a:hover{text-decoration:underline}
        .hint-line{color:var(--fail);font-size:.9rem}
        .parameters{display:flex;flex-wrap:wrap;gap:.2em 1.4em;margin:.4em 0 .2em;font-size:.9rem}
        .parameters .caption{flex-basis:100%;color:var(--muted);font-size:.78rem;text-transform:uppercase;letter-spacing:.05em}
        .parameters div{display:flex;gap:.5em}.parameters dd{margin:0}
        .cell.check{border-width:1px 1px 1px 5px}
        .cell.check.pass{border-left-color:var(--pass)}.cell.check.fail,.cell.check.not-run{border-left-color:var(--fail)}
        p.not-run{color:var(--fail)}
        .cell.check.inconclusive,.cell.check.unchecked{border-left-color:var(--inconclusive)}
        .check-panels{padding:.2em 1em .6em;min-width:0}
        .check-panel{border-top:1px solid var(--rule);padding:.7em 0 .4em}
        .check-panel:first-child{border-top:0}
        .check-panel:target{background:var(--panel);box-shadow:0 0 0 .5em var(--panel)}
        .check-panel header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2em .6em}
        .compared{flex-basis:100%;overflow-x:auto;padding:.2em 0}
        .roles{font-size:.85rem;color:var(--muted);margin:.2em 0 .5em}
        .hint{border-left:4px solid var(--fail);background:var(--fail-bg);padding:.4em .8em;border-radius:4px;margin:.5em 0}
        .expected{font-size:.9rem;margin:.4em 0}
        .warnings{font-size:.85rem;color:var(--warning);margin:.4em 0;padding-left:1.2em}
        .not-checked{color:var(--error);margin:.6em 0 0}
        .table-scroll{overflow-x:auto;margin:.4em 0}
        table.rows{border-collapse:collapse;font-size:.82rem;font-variant-numeric:tabular-nums;width:100%}
        table.rows th,table.rows td{padding:.25em .5em;text-align:right;white-space:nowrap;border-bottom:1px solid var(--rule)}
        table.rows thead th{color:var(--muted);font-weight:600}
        table.rows thead th:nth-child(-n+2){text-align:left}
        table.rows th[scope=row],table.rows td.verdict{text-align:left;font-weight:400}
        table.rows tr.reason td{text-align:left;white-space:normal;color:var(--muted);font-size:.95em;padding-top:0}
        .verdict-grid{margin:.6em 0}.verdict-grid table{border-collapse:collapse;font-size:.8rem;
        font-variant-numeric:tabular-nums}
        .verdict-grid figcaption{color:var(--muted);font-size:.78rem;margin-bottom:.3em}
        .verdict-grid th,.verdict-grid td{padding:.1em .35em;text-align:center;border:1px solid var(--bg)}
        .verdict-grid th[scope=row]{text-align:left;white-space:nowrap;font-weight:400}
        .verdict-grid thead th{color:var(--muted);font-weight:600}
        .verdict-grid td{font-weight:700;min-width:1.6em}
        .verdict-grid td.pass{color:var(--pass);background:var(--pass-bg)}
        .verdict-grid td.fail{color:var(--fail);background:var(--fail-bg)}
        .verdict-grid td.inconclusive{color:var(--inconclusive);background:var(--inconclusive-bg)}
        .verdict-grid td.vacuous{color:var(--vacuous);background:var(--vacuous-bg)}
        .vacuous-rows{font-size:.85rem;color:var(--muted);margin:.2em 0 .4em}
        .table-notes{font-size:.8rem;color:var(--muted);margin:.2em 0 .6em}.table-notes b{font-weight:600}
        .figures{display:flex;flex-wrap:wrap;gap:.8em 1.6em;align-items:flex-start;margin:.6em 0 .2em}
        .figure{margin:0;max-width:100%;overflow-x:auto}
        .figure svg{display:block;max-width:100%;height:auto}
        .heatmaps .dark{display:none}
        @media (prefers-color-scheme:dark){.heatmaps .light{display:none}.heatmaps .dark{display:inline}}
        .check-panel:target .table-scroll{--cover:var(--panel)}
        .figure figcaption{font-size:.78rem;color:var(--muted);max-width:32rem;margin-top:.2em}

        """

    private static let media = """
        @media (min-width:86rem){.cell.check{width:min(84rem,calc(100vw - 4rem));position:relative;
        left:50%;transform:translateX(-50%);display:grid;grid-template-columns:minmax(0,5fr) minmax(0,6fr)}
        .check-equation{display:contents}.check-equation .cell-label{grid-column:1/-1}
        .check-equation .equation{position:sticky;top:1rem;align-self:start;margin:.7em 0}
        .check-panels{border-left:1px solid var(--rule)}}
        @media (max-width:40rem){.page{padding:1rem .8rem 2rem}body{font-size:15px}
        .anchor{display:none}.equation{flex-direction:column;align-items:stretch;gap:.2em}.eqno{align-self:flex-end}
        .check-panels{padding:.2em .6em .6em}.summary{padding:.6em .8em}
        table.rows,table.rows tbody{display:block}table.rows thead{display:none}
        table.rows tr{display:flex;flex-wrap:wrap;align-items:baseline;gap:.1em .8em;padding:.35em 0;
        border-top:1px solid var(--rule)}
        table.rows tr.reason{border-top:0;padding-top:0}
        table.rows th,table.rows td{border:0;padding:0;text-align:left}table.rows td.verdict{flex:1 0 60%}
        table.rows td[data-label]{flex:1 0 calc(50% - .8em);display:flex;justify-content:space-between;gap:.5em}
        table.rows td[data-label]::before{content:attr(data-label);color:var(--muted)}
        table.rows tr.reason td{flex:1 1 100%}}

        """

    /// Print: light colours, no scrolling (long lines wrap), each checked equation kept with
    /// the verdict and hint of its first panel, headings with what follows them, and the
    /// address of every link to elsewhere printed after it.
    private static let printing = """
        @page{margin:14mm 12mm}
        @media print{:root{color-scheme:light;\(lightTheme);--bg:#fff;--panel:#fff}
        .page{max-width:none;padding:0}body{font-size:11pt}
        .anchor,.toc{display:none}a{color:inherit}
        a[href^="http:"]::after,a[href^="https:"]::after{content:" <" attr(href) ">";font-size:.85em;
        overflow-wrap:anywhere;color:var(--muted)}
        h1,h2,h3,h4,h5,h6,.cell-label{break-after:avoid}
        .cell.check{width:auto;left:0;transform:none;display:block;overflow:visible}
        .check-equation,.check-panel>header,.roles,.expected,.hint{break-after:avoid}
        .equation,.check-panel>header,.hint,figure,tr,.parameters,.diagnostics{break-inside:avoid}
        table.rows tr:has(+tr.reason){break-after:avoid}
        .check-list li{break-inside:avoid}.summary h2,.counts,.verdict-grid figcaption{break-after:avoid}
        figure.verdict-grid{break-inside:auto}
        pre{white-space:pre-wrap;overflow-wrap:anywhere}
        pre,math[display=block],.table-scroll,.compared,.figure{background:none}
        .cell,.table-scroll,.figure,.compared{overflow:visible}
        .heatmaps .dark{display:none}.heatmaps .light{display:inline}}
        """
}
