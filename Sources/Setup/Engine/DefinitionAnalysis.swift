import Diagnostics

/// The checks `NotebookDefinitions` runs over the blocks, one statement at a time.
struct DefinitionAnalysis {
    /// A gp statement or a code cell, in document order.
    enum Entry {
        case statement(SetupDefinition, block: Int)
        case code(CodeCell, defined: [CodeName])
    }

    var blocks: [(fragment: SourceFragment, syntax: SetupBlock)] = []
    var definitions: [String: NotebookDefinitions.Definition] = [:]
    var order: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Every statement that defines a name (redefinitions excluded) and every code cell, in
    /// document order, for the second pass.
    private var entries: [Entry] = []
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
            entries.append(.statement(statement, block: block))
            order.append(name)
            definitions[name] = NotebookDefinitions.Definition(
                name: name, kind: Self.kind(of: statement), syntax: statement, block: block,
                order: order.count - 1,
                range: fragment.fileRange(statement.range.lowerBound, statement.range.upperBound),
                nameRange: nameRange, dependencies: [], isValid: true)
        }
    }

    /// Records the names a code cell defines (a name with `[i]` is a family with one index);
    /// its reads are resolved in the second pass.
    mutating func add(code cell: CodeCell) {
        var defined: [CodeName] = []
        for output in cell.defines {
            if let first = definitions[output.name] {
                diagnostics.append(
                    .error(
                        "'\(output.name)' is already defined", file: cell.fragment.file, range: output.range,
                        help: "give this definition another name, or remove one of them",
                        notes: [.init("'\(output.name)' is first defined here", range: first.nameRange)]))
                continue
            }
            defined.append(output)
            order.append(output.name)
            let form: SetupDefinition.Form =
                output.isFamily ? .family(indices: [SetupName("i", range: SourceRange(0, 0))]) : .value
            let syntax = SetupDefinition(
                keyword: .let, name: SetupName(output.name, range: SourceRange(0, 0)), form: form,
                body: SetupExpression(.invalid, range: SourceRange(0, 0)), range: SourceRange(0, 0))
            definitions[output.name] = NotebookDefinitions.Definition(
                name: output.name, kind: output.isFamily ? .family(indexCount: 1) : .value, syntax: syntax, block: -1,
                order: order.count - 1, range: cell.range, nameRange: output.range, dependencies: [], isValid: true,
                codeCell: cell.index)
        }
        entries.append(.code(cell, defined: defined))
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
        for entry in entries {
            switch entry {
            case .statement(let statement, _): references[statement.name.name] = FreeNames.of(statement)
            case .code(let cell, let defined):
                let reads = cell.reads.map { SetupName($0.name, range: $0.range) }
                for output in defined { references[output.name] = reads }
            }
        }
        var inCycle: Set<String> = []
        for entry in entries {
            switch entry {
            case .statement(let statement, let block):
                resolve(statement, fragment: blocks[block].fragment, references: references, inCycle: &inCycle)
            case .code(let cell, let defined):
                resolve(cell, defined: defined, references: references)
            }
        }
    }

    private mutating func resolve(
        _ statement: SetupDefinition, fragment: SourceFragment, references: [String: [SetupName]],
        inCycle: inout Set<String>
    ) {
        let known = order + Builtins.constantNames + Builtins.functionNames
        let name = statement.name.name
        guard let definition = definitions[name] else { return }
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
        definitions[name] = definition.with(dependencies: dependencies, isValid: valid)
    }

    /// A code cell's reads: each must be a value or a parameter defined above the cell.
    private mutating func resolve(_ cell: CodeCell, defined: [CodeName], references: [String: [SetupName]]) {
        guard let first = defined.first.flatMap({ definitions[$0.name] }) else {
            // A cell that defines nothing new still has its reads checked.
            _ = codeDependencies(cell, order: order.count, references: references)
            return
        }
        let (dependencies, valid) = codeDependencies(cell, order: first.order, references: references)
        for output in defined {
            guard let definition = definitions[output.name] else { continue }
            definitions[output.name] = definition.with(dependencies: dependencies, isValid: valid)
        }
    }

    private mutating func codeDependencies(_ cell: CodeCell, order position: Int, references: [String: [SetupName]])
        -> (Set<String>, Bool)
    {
        var dependencies: Set<String> = []
        var valid = true
        let file = cell.fragment.file
        for read in cell.reads {
            guard let target = definitions[read.name] else {
                valid = false
                let suggestion = NameSuggestions.nearest(to: read.name, among: order)
                diagnostics.append(
                    .error(
                        "unknown name '\(read.name)'", file: file, range: read.range,
                        help: suggestion.map { "did you mean '\($0)'?" } ?? "a cell reads names defined above it"))
                continue
            }
            guard target.order < position else {
                valid = false
                diagnostics.append(
                    orderError(
                        use: read.name, in: cell.defines.first?.name ?? read.name, at: read.range, target: target,
                        references: references, file: file))
                continue
            }
            switch target.kind {
            case .value, .parameter:
                dependencies.insert(read.name)
                if !target.isValid { valid = false }
            case .family, .function:
                valid = false
                diagnostics.append(
                    .error(
                        "'\(read.name)' is \(target.kind.description); a cell reads values and parameters",
                        file: file, range: read.range,
                        help: "define the value the cell needs in a gp block and read that",
                        notes: [.init("'\(read.name)' is defined here", range: target.nameRange)]))
            }
        }
        return (dependencies, valid)
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
