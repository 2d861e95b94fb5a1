/// The macros a notebook has defined so far, with `\newcommand`, `\renewcommand`,
/// `\providecommand`, `\def` or `\DeclareMathOperator`.
///
/// A definition is valid from where it is written to the end of the notebook, so the
/// caller threads one table through the math spans of a notebook in reading order:
///
/// ```swift
/// var macros = MacroTable()
/// for span in spans { results.append(TeXParser.parse(span, macros: &macros)) }
/// ```
public struct MacroTable: Sendable, Hashable {
    var definitions: [String: MacroDefinition] = [:]

    /// An empty table.
    public init() {}

    /// The names of the defined macros, without backslash, sorted.
    public var names: [String] { definitions.keys.sorted() }

    /// Whether `\name` is defined (name without backslash).
    public func contains(_ name: String) -> Bool { definitions[name] != nil }

    /// The number of parameters of `\name`, nil when it is not defined.
    public func parameterCount(of name: String) -> Int? { definitions[name]?.parameterCount }
}

/// One macro: its parameters and the tokens it stands for.
struct MacroDefinition: Sendable, Hashable {
    /// The name without backslash.
    var name: String
    /// How many arguments it takes (0…9).
    var parameterCount: Int
    /// The default of the optional first argument (`\newcommand{\x}[2][0]{…}`), if any.
    var defaultArgument: [TeXToken]?
    /// The replacement text, with `.parameter(n)` where argument n goes.
    var body: [TeXToken]
    /// Whether the definition was invalid: the name is known, so later uses show as an
    /// error without a second diagnostic, but it expands to nothing.
    var isBroken = false
}
