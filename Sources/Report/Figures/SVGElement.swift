import TeX

/// A small SVG tree. Figures build one; `render()` walks it and is the only place that
/// escapes attribute values and text.
struct SVGElement {
    var name: String
    var attributes: [(String, String)] = []
    var children: [SVGElement] = []
    var text: String?

    init(_ name: String, _ attributes: [(String, String)] = [], children: [SVGElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// A `<text>` element.
    static func label(
        _ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 10,
        extra: [(String, String)] = []
    ) -> SVGElement {
        SVGElement(
            "text",
            [
                ("x", NumberText.coordinate(x)), ("y", NumberText.coordinate(y)),
                ("font-size", NumberText.coordinate(size)),
            ]
                + (anchor == "start" ? [] : [("text-anchor", anchor)]) + extra,
            text: text)
    }

    /// The element as markup, attributes in the order given.
    func render() -> String {
        var out = "<\(name)"
        for (key, value) in attributes { out += " \(key)=\"\(XMLText.escape(value))\"" }
        if children.isEmpty, text == nil { return out + "/>" }
        out += ">"
        if let text { out += XMLText.escape(text) }
        for child in children { out += child.render() }
        return out + "</\(name)>"
    }
}
