/// What the caller supplies to render a notebook: the HTML of its math and cells, and the
/// policy for images and raw HTML. The notebook's own Markdown is rendered by cmark.
public struct HTMLParts {
    /// HTML for math span number `index` of `ParsedNotebook.math`; `alone` is true when it
    /// is a block of its own (a fence, or `$$…$$` as a whole paragraph).
    public var math: (_ index: Int, _ alone: Bool) -> String
    /// HTML for cell number `index` of `ParsedNotebook.cells`.
    public var cell: (_ index: Int) -> String
    /// The source to use for an image URL, or nil to replace the image by a link to it
    /// (a report must not fetch anything).
    public var image: (_ url: String) -> String?
    /// Whether raw HTML in the notebook passes through. Off by default: it is shown as
    /// escaped text (HTML comments are dropped), so a notebook cannot inject script.
    public var unsafeHTML: Bool

    /// Parts built from the given closures.
    public init(
        math: @escaping (Int, Bool) -> String, cell: @escaping (Int) -> String,
        image: @escaping (String) -> String? = { _ in nil }, unsafeHTML: Bool = false
    ) {
        self.math = math
        self.cell = cell
        self.image = image
        self.unsafeHTML = unsafeHTML
    }
}

extension ParsedNotebook {
    /// A relative link to another notebook (`other.md`, `other.md#section`) points at its
    /// report (`other.html`), so links between notebooks work in the rendered gallery as
    /// they do on GitHub. Absolute URLs are left alone.
    static func reportLink(_ url: String) -> String {
        guard !url.contains("://"), !url.hasPrefix("/"), !url.hasPrefix("mailto:") else { return url }
        let (path, fragment) = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            .map(String.init).splitFirst()
        guard path.hasSuffix(".md") else { return url }
        return String(path.dropLast(3)) + ".html" + (fragment.map { "#" + $0 } ?? "")
    }

    /// The notebook's body as an HTML fragment, with math and cells from `parts`.
    public func renderBody(_ parts: HTMLParts) -> String {
        let math = self.math
        let headings = self.headings
        let substitutions = Markdown.Substitutions(
            math: { index, alone in
                index < math.count ? parts.math(index, alone || math[index].style == .fence) : ""
            },
            isDisplay: { index in index < math.count && math[index].isDisplay },
            codeBlock: { role in
                switch role {
                case .plain: nil
                case .cell(let cell): parts.cell(cell)
                case .math(let span): parts.math(span, true)
                }
            },
            headingID: { index in index < headings.count ? headings[index].id : "section-\(index)" },
            imageSource: parts.image,
            linkDestination: Self.reportLink,
            unsafeHTML: parts.unsafeHTML)
        return Markdown.render(document, substitutions: substitutions)
    }
}

extension Array where Element == String {
    fileprivate func splitFirst() -> (String, String?) {
        (first ?? "", count > 1 ? self[1] : nil)
    }
}
