/// A position in a row of TeX items, which the equation reader takes from left to right:
/// the one piece of state every reading function shares.
struct ItemCursor {
    /// The row.
    let items: ArraySlice<TeXItem>
    /// The index in `items` of the next item.
    private(set) var position: Int

    /// A cursor at the start of `items`.
    init(_ items: ArraySlice<TeXItem>) {
        self.items = items
        position = items.startIndex
    }

    /// A cursor over one item.
    init(_ item: TeXItem) {
        self.init([item][...])
    }

    /// The next item, nil at the end.
    var current: TeXItem? { position < items.endIndex ? items[position] : nil }

    /// The item `offset` places after the next one, nil past the end.
    func peek(_ offset: Int) -> TeXItem? {
        position + offset < items.endIndex ? items[position + offset] : nil
    }

    /// Whether every item has been taken.
    var isAtEnd: Bool { position >= items.endIndex }

    /// The items not taken yet.
    var rest: ArraySlice<TeXItem> { items[min(position, items.endIndex)...] }

    /// Moves past the next `count` items.
    mutating func advance(by count: Int = 1) {
        position = min(position + count, items.endIndex)
    }

    /// Moves past every item.
    mutating func finish() { position = items.endIndex }

    /// Moves back to `position` (taken from this cursor), to read again from there.
    mutating func rewind(to position: Int) {
        self.position = max(items.startIndex, min(position, items.endIndex))
    }

    /// The next item when it is a group opened by one of `brackets`, taken.
    mutating func takeGroup(openedBy brackets: Set<String>) -> BracketGroup? {
        guard case .group(let group)? = current, brackets.contains(group.open) else { return nil }
        advance()
        return group
    }
}
