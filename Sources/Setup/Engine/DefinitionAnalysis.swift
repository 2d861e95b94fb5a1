import Diagnostics

/// The checks `NotebookDefinitions` runs over the blocks, one statement at a time.
struct DefinitionAnalysis {
    var blocks: [(fragment: SourceFragment, syntax: SetupBlock)] = []
    var definitions: [String: NotebookDefinitions.Definition] = [:]
    var order: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Every statement that defines a name (redefinitions included), for the second pass.
    private var statements: [(syntax: SetupDefinition, block: Int)] = []
    /// Names whose right-hand side did not parse.
    private var unparsed: Set<String> = []

    /// Parses a block and records its definitions; a name defined twice is reported at the
    /// second definition.
    mutating func add(_ fragment: SourceFragment, block: Int) {
        let (syntax, syntaxDiagnostics) = SetupParser.parse(fragment.text)
        diagnostics += syntaxDiagnostics.map { $0.located(in: fragment) }
        let earlier = blocks.flatMap { $0.syntax.definitions }
        diagnostics += SetupParser.bracketMisuse(in: syntax, text: fragment.text, definitions: earlier)
            .map { $0.located(in: fragment) }
        blocks.append((fragment, syntax))
        for statement in syntax.definitions {
            let name = statement.name.name
            let nameRange = fragment.fileRange(statement.name.range.lowerBound, statement.name.range.upperBound)
            if let first = definitions[name] {
                diagnostics.append(
                    .error(
                        "'\(name)' is already defined", file: fragment.file, range: nameRange,
                        help: "give this definition another name, or remove one of them",
                        notes: [.init("'\(name)' is first defined here", range: first.nameRange)]))
                continue
            }
            if case .invalid = statement.body.kind { unparsed.insert(name) }
            // A 'param' family or function is reported by the parser.
            if statement.keyword == .param, statement.form != .value { unparsed.insert(name) }
            statements.append((statement, block))
            order.append(name)
            definitions[name] = NotebookDefinitions.Definition(
                name: name, kind: Self.kind(of: statement), syntax: statement, block: block,
                order: order.count - 1,
                range: fragment.fileRange(statement.range.lowerBound, statement.range.upperBound),
                nameRange: nameRange, dependencies: [], isValid: true)
        }
    }

    static func kind(of statement: SetupDefinition) -> NotebookDefinitions.Kind {
        switch (statement.keyword, statement.form, statement.body.kind) {
        case (.param, _, _): .parameter
        case (_, .family(let indices), _): .family(indexCount: indices.count)
        case (_, .function(let parameters), _): .function(parameterCount: parameters.count)
        case (_, .value, .lambda(let parameters, _)): .function(parameterCount: parameters.count)
        case (_, .value, _): .value
        }
    }

    /// Resolves every name used: unknown names, uses before the definition, cycles.
    mutating func resolve() {
        var references: [String: [SetupName]] = [:]
        for (statement, _) in statements {
            references[statement.name.name] = FreeNames.of(statement)
        }
        let known = order + Builtins.constantNames + Builtins.functionNames
        var inCycle: Set<String> = []
        for (statement, block) in statements {
            let name = statement.name.name
            let fragment = blocks[block].fragment
            guard let definition = definitions[name] else { continue }
            var valid = !unparsed.contains(name)
            var dependencies: Set<String> = []
            var reported: Set<String> = []
            for use in references[name] ?? [] {
                let range = fragment.fileRange(use.range.lowerBound, use.range.upperBound)
                if let target = definitions[use.name] {
                    if target.order < definition.order {
                        dependencies.insert(use.name)
                        if !target.isValid || unparsed.contains(use.name) { valid = false }
                        continue
                    }
                    valid = false
                    guard reported.insert(use.name).inserted, !(inCycle.contains(name) && inCycle.contains(use.name))
                    else { continue }
                    if use.name != name, let path = Self.path(from: use.name, to: name, references: references) {
                        inCycle.formUnion(path)
                    }
                    diagnostics.append(
                        orderError(
                            use: use.name, in: name, at: range, target: target, references: references,
                            file: fragment.file))
                } else if Builtins.isKnown(use.name) {
                    continue
                } else {
                    valid = false
                    guard reported.insert(use.name).inserted else { continue }
                    let isCall = FreeNames.isCall(use, in: statement.body)
                    let candidates = isCall ? Builtins.functionNames + order : known
                    let suggestion = NameSuggestions.nearest(to: use.name, among: candidates)
                    diagnostics.append(
                        .error(
                            "unknown \(isCall ? "function" : "name") '\(use.name)'", file: fragment.file, range: range,
                            help: suggestion.map { "did you mean '\($0)'?" }))
                }
            }
            definitions[name] = NotebookDefinitions.Definition(
                name: name, kind: definition.kind, syntax: definition.syntax, block: definition.block,
                order: definition.order, range: definition.range, nameRange: definition.nameRange,
                dependencies: dependencies, isValid: valid)
        }
    }

    /// A use of `target` in `user` at or above `target`'s definition: a cycle when `target`
    /// leads back to `user`, otherwise a use before the definition.
    func orderError(
        use target: String, in user: String, at range: SourceRange, target definition: NotebookDefinitions.Definition,
        references: [String: [SetupName]], file: SourceFile
    ) -> Diagnostic {
        if target == user {
            return .error(
                "'\(user)' is defined in terms of itself", file: file, range: range,
                help: "a definition cannot use its own name (and a function cannot call itself)")
        }
        if let path = Self.path(from: target, to: user, references: references) {
            let cycle = ([user] + path).joined(separator: " → ")
            let members = [user] + path.dropLast()
            let listed =
                members.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " and '\(members.last ?? target)'"
            return .error(
                "\(listed) are defined in terms of each other: \(cycle)", file: file, range: range,
                help: "break the cycle: one of them must be defined without the other",
                notes: [.init("'\(target)' is defined here", range: definition.nameRange)])
        }
        return .error(
            "'\(target)' is used before its definition", file: file, range: range,
            help: "move the definition of '\(target)' above this line",
            notes: [.init("'\(target)' is defined here", range: definition.nameRange)])
    }

    /// A path of uses from `start` to `goal` (both included), if there is one.
    static func path(from start: String, to goal: String, references: [String: [SetupName]]) -> [String]? {
        var previous: [String: String] = [:]
        var queue = [start]
        var seen: Set<String> = [start]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            if current == goal {
                var path = [goal]
                while let step = previous[path[0]] { path.insert(step, at: 0) }
                return path
            }
            for next in references[current] ?? [] where seen.insert(next.name).inserted {
                previous[next.name] = current
                queue.append(next.name)
            }
        }
        return nil
    }
}

/// The names an expression uses that it does not bind itself (function parameters, family
/// indices and the parameters of anonymous functions are bound).
enum FreeNames {
    /// The free names of a definition's body, in source order, with where each is used.
    static func of(_ definition: SetupDefinition) -> [SetupName] {
        var bound: Set<String> = []
        switch definition.form {
        case .value: break
        case .family(let indices): bound = Set(indices.map(\.name))
        case .function(let parameters): bound = Set(parameters.map(\.name))
        }
        var names: [SetupName] = []
        collect(definition.body, bound: bound, into: &names)
        return names
    }

    /// Whether the use `name` (at its range) is the callee of a call in `expression`.
    static func isCall(_ name: SetupName, in expression: SetupExpression) -> Bool {
        if case .call(let callee, _) = expression.kind, callee == name { return true }
        return expression.children.contains { isCall(name, in: $0) }
    }

    static func collect(_ expression: SetupExpression, bound: Set<String>, into names: inout [SetupName]) {
        switch expression.kind {
        case .name(let name) where !bound.contains(name):
            names.append(SetupName(name, range: expression.range))
        case .call(let callee, _) where !bound.contains(callee.name):
            names.append(callee)
        case .lambda(let parameters, let body):
            collect(body, bound: bound.union(parameters.map(\.name)), into: &names)
            return
        default:
            break
        }
        for child in expression.children { collect(child, bound: bound, into: &names) }
    }
}

/// Did-you-mean for names that may be written in Greek: a misspelt ASCII alias (`lamda`)
/// is compared with the aliases of the known names (`lambda` for `λ`).
enum NameSuggestions {
    static func nearest(to name: String, among candidates: [String]) -> String? {
        if let direct = Suggestions.nearest(to: name, among: candidates) { return direct }
        let spelled = candidates.map(ascii)
        guard let match = Suggestions.nearest(to: name, among: spelled), let index = spelled.firstIndex(of: match)
        else { return nil }
        return candidates[index]
    }

    /// A name with each Greek letter written as its alias: `σ_f` → `sigma_f`.
    static func ascii(_ name: String) -> String {
        name.split(separator: "_", omittingEmptySubsequences: false)
            .map { part in letters[String(part)] ?? String(part) }.joined(separator: "_")
    }

    /// Letter → the shortest alias that names it (`φ` → `phi`, not `varphi`).
    static let letters: [String: String] = SetupNames.greekAliases.reduce(into: [:]) { result, entry in
        if let existing = result[entry.value], existing.count <= entry.key.count { return }
        result[entry.value] = entry.key
    }
}
