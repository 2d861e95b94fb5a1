/// The report's inline stylesheet: system fonts and a math font stack (nothing fetched),
/// light and dark themes following the system, a print stylesheet, phone widths.
enum Stylesheet {
    static let css = """
        :root{color-scheme:light dark;--bg:#fdfdfc;--fg:#1d1f21;--muted:#5c6166;--rule:#d9dcdf;--panel:#f4f5f6;
        --accent:#1f5fa8;--code:#f1f2f3;--pass:#1d7a3a;--pass-bg:#e3f4e8;--fail:#b3261e;--fail-bg:#fbe4e2;
        --inconclusive:#8a5a00;--inconclusive-bg:#fdf1d6;--vacuous:#5c6166;--vacuous-bg:#eceef0;
        --error:#b3261e;--warning:#8a5a00}
        @media (prefers-color-scheme:dark){:root{--bg:#16181b;--fg:#e4e6e8;--muted:#9aa1a8;--rule:#34383d;
        --panel:#1f2226;--accent:#7db3f0;--code:#23272b;--pass:#6fd08c;--pass-bg:#173524;--fail:#ff8a80;
        --fail-bg:#3d1b19;--inconclusive:#f0c060;--inconclusive-bg:#3a2e12;--vacuous:#aab1b8;--vacuous-bg:#2a2e33;
        --error:#ff8a80;--warning:#f0c060}}
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
        math{font-family:"STIX Two Math","Latin Modern Math","Cambria Math","DejaVu Math TeX Gyre","TeX Gyre Termes Math",math;
        font-size:1.08em}
        math[display=block]{overflow-x:auto;overflow-y:hidden;max-width:100%;padding:.2em 0}
        .equation{display:flex;align-items:center;gap:1em;margin:1em 0}
        .equation>math{flex:1;min-width:0}
        .eqno{color:var(--muted);white-space:nowrap;font-variant-numeric:tabular-nums}
        .eqno a{color:inherit;text-decoration:none}
        .eqno a:hover{text-decoration:underline}
        .masthead{border-bottom:1px solid var(--rule);margin-bottom:1.5rem;padding-bottom:.5rem}
        .kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.02em}
        .masthead h1{margin:.3em 0 .2em}
        .toc{background:var(--panel);border-radius:8px;padding:.6em 1.2em;margin:0 0 1.5rem;font-size:.95rem}
        .toc h2{font-size:1rem;margin:.4em 0;border:0;padding:0}
        .toc ol{margin:0 0 .4em;padding-left:1.3em}
        .toc ol ol{margin:0}
        .cell{margin:1.2em 0;border:1px solid var(--rule);border-radius:8px;overflow:hidden}
        .cell-label{display:block;font-size:.75rem;letter-spacing:.05em;text-transform:uppercase;
        color:var(--muted);padding:.35em 1em;border-bottom:1px solid var(--rule);background:var(--panel)}
        .cell pre{margin:0;border-radius:0}
        .cell .equation{padding:0 1em}
        .diagnostics{margin:1em 0;padding:.6em 1em;border-left:4px solid var(--error);background:var(--fail-bg);
        border-radius:4px;overflow-x:auto}
        .diagnostics.warnings{border-left-color:var(--warning);background:var(--inconclusive-bg)}
        .diagnostics pre{background:none;padding:0;margin:0;white-space:pre-wrap}
        merror{color:var(--error);outline:1px dashed var(--error)}
        footer{margin-top:3rem;border-top:1px solid var(--rule);padding-top:.8rem;color:var(--muted);
        font-size:.8rem;overflow-wrap:anywhere}
        @media (max-width:40rem){.page{padding:1rem .8rem 2rem}body{font-size:15px}
        .anchor{display:none}.equation{flex-direction:column;align-items:stretch;gap:.2em}.eqno{align-self:flex-end}}
        @media print{:root{--bg:#fff;--fg:#000;--panel:#fff;--code:#f6f6f6}.page{max-width:none;padding:0}
        .anchor{display:none}a{color:inherit}.toc{display:none}.cell,.equation{break-inside:avoid}
        pre{white-space:pre-wrap}}
        """
}
