/// The math font every report carries: a subset of Latin Modern Math renamed "Derive Math"
/// (made by `fonts/make_math_font.py`; GUST Font License), as a `data:` URI that the
/// report's Content-Security-Policy allows with `font-src data:`. Math then looks the same
/// on every reader's machine: fences stretch and scripts sit where TeX puts them, whatever
/// fonts the reader has. It costs about 98 KiB of each report.
enum EmbeddedMathFont {
    /// The CSS family name, first in the `math` element's font stack.
    static let family = "Derive Math"

    /// The `@font-face` rule. `font-display: block` keeps math from being drawn first in
    /// another font and then jumping when this one is ready (it is in the page already).
    static let fontFace =
        "@font-face{font-family:\"\(family)\";src:url(data:font/woff2;base64,"
        + woff2Base64.split(separator: "\n").joined() + ") format(\"woff2\");font-display:block}\n"
}
