/// The program a Python code-cell process runs (`python3 -c`), embedded in derive so that an
/// installed derive needs nothing beside it. It speaks the protocol of `Wire` on file
/// descriptors 3 and 4 (moved out of the cell's reach at start), runs each cell in a fresh
/// namespace holding copies of its declared reads only, and returns the values it declared.
enum PythonRuntime {
    static let source = #"""
        import builtins, io, os, struct, sys, symtable, ast, traceback

        IN = os.dup(3); OUT = os.dup(4)          # non-inheritable copies; a cell cannot reach 3 and 4
        os.close(3); os.close(4)
        TEXT_LIMIT = int(sys.argv[1]) if len(sys.argv) > 1 else 65536

        def read_exact(n):
            data = bytearray()
            while len(data) < n:
                chunk = os.read(IN, n - len(data))
                if not chunk:
                    os._exit(0)                   # derive closed its end: done
                data += chunk
            return bytes(data)

        def send(body):
            data = struct.pack('<I', len(body)) + body
            view = memoryview(data)
            while view:
                view = view[os.write(OUT, view):]

        def s(text):
            b = text.encode('utf-8', 'replace')
            return struct.pack('<I', len(b)) + b

        def error(kind, message, line=0, column=0, detail=''):
            send(b'E' + s(kind) + s(message) + struct.pack('<II', line, column) + s(detail))

        class Body:
            def __init__(self, data): self.data = data; self.at = 0
            def take(self, n):
                chunk = self.data[self.at:self.at + n]; self.at += n; return chunk
            def u8(self): return self.take(1)[0]
            def u32(self): return struct.unpack('<I', self.take(4))[0]
            def u64(self): return struct.unpack('<Q', self.take(8))[0]
            def string(self): return self.take(self.u32()).decode('utf-8')

        try:
            import numpy as np
        except Exception as e:
            error('numpy', '%s: %s' % (type(e).__name__, e), detail=sys.version)
            sys.exit(0)

        def versions():
            found = ['Python %s' % sys.version.split()[0], 'numpy %s' % np.__version__]
            for module, name in (('scipy', 'SciPy'), ('sklearn', 'scikit-learn')):
                if module in sys.modules:
                    found.append('%s %s' % (name, getattr(sys.modules[module], '__version__', '?')))
            return '\n'.join(found)

        def read_array(body):
            name = body.string(); order = chr(body.u8()); ndim = body.u8()
            shape = tuple(body.u64() for _ in range(ndim))
            count = 1
            for n in shape: count *= n
            flat = np.frombuffer(body.take(8 * count), dtype='<f8')
            if ndim == 0:
                return name, float(flat[0])
            return name, np.array(flat.reshape(shape, order=order), dtype=np.float64, order='C')

        def write_array(name, a):
            if not a.flags.c_contiguous:
                a = np.asfortranarray(a); order = b'F'
            else:
                order = b'C'
            data = np.ascontiguousarray(a.ravel(order=order.decode()), dtype='<f8').tobytes()
            return s(name) + order + bytes([a.ndim]) + b''.join(struct.pack('<Q', n) for n in a.shape) + data

        class Capped(io.TextIOBase):
            def __init__(self): self.parts = []; self.size = 0; self.cut = 0
            def writable(self): return True
            def write(self, text):
                room = TEXT_LIMIT - self.size
                if room > 0:
                    self.parts.append(text[:room]); self.size += min(len(text), room)
                self.cut += max(0, len(text) - max(room, 0))
                return len(text)
            def text(self):
                out = ''.join(self.parts)
                return out + ('\n[... %d more characters not kept]' % self.cut if self.cut else '')

        def undeclared(source, filename, known):
            """Names the cell's code uses but neither defines nor imports nor reads: (name, line, column)."""
            top = symtable.symtable(source, filename, 'exec')
            bound = {sym.get_name() for sym in top.get_symbols()
                     if sym.is_assigned() or sym.is_imported() or sym.is_namespace()}
            used = set()
            stack = [top]
            while stack:
                table = stack.pop()
                for sym in table.get_symbols():
                    if sym.is_referenced() and (table is top or sym.is_global()):
                        used.add(sym.get_name())
                stack.extend(table.get_children())
            free = used - bound - set(known) - set(dir(builtins)) - {'__name__', '__file__', '__builtins__'}
            found = []
            lines = source.split('\n')
            for node in ast.walk(ast.parse(source, filename)):
                if isinstance(node, ast.Name) and node.id in free:
                    # col_offset counts UTF-8 bytes; derive counts characters
                    text = lines[node.lineno - 1].encode('utf-8')[:node.col_offset].decode('utf-8', 'replace')
                    found.append((node.lineno, len(text) + 1, node.id))
            found.sort()
            seen = set(); result = []
            for line, column, name in found:
                if name not in seen:
                    seen.add(name); result.append((name, line, column))
            return result

        cells = {}
        send(b'H' + s(versions()))
        while True:
            body = Body(read_exact(struct.unpack('<I', read_exact(4))[0]))
            tag = chr(body.u8())
            if tag == 'C':
                cell = body.u32(); filename = body.string(); first = body.u32(); source = body.string()
                reads = [body.string() for _ in range(body.u32())]
                defines = [body.string() for _ in range(body.u32())]
                padded = '\n' * (first - 1) + source
                try:
                    code = compile(padded, filename, 'exec', dont_inherit=True)
                    missing = undeclared(padded, filename, reads)
                except SyntaxError as e:
                    error('syntax', '%s' % (e.msg,), e.lineno or 0, e.offset or 0)
                    continue
                if missing:
                    name, line, column = missing[0]
                    error('undeclared', ','.join(n for n, _, _ in missing), line, column)
                    continue
                cells[cell] = (code, filename, reads, defines)
                send(b'O' + struct.pack('<I', 0) + s('') + struct.pack('<I', 0) + s(versions()))
            elif tag == 'R':
                cell = body.u32(); count = body.u32()
                inputs = [read_array(body) for _ in range(count)]
                code, filename, reads, defines = cells[cell]
                namespace = {'__builtins__': builtins, '__name__': '__main__'}
                namespace.update(inputs)
                printed = Capped()
                saved = sys.stdout, sys.stderr
                sys.stdout = sys.stderr = printed
                try:
                    exec(code, namespace)
                    failure = None
                except BaseException as e:
                    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == filename]
                    line = frames[-1].lineno if frames else 0
                    detail = ''.join(traceback.format_exception(type(e), e, e.__traceback__))
                    failure = ('exception', '%s: %s' % (type(e).__name__, e), line, detail)
                finally:
                    sys.stdout, sys.stderr = saved
                if failure:
                    error(failure[0], failure[1], failure[2], 0, failure[3][-8000:] + ('\n' + printed.text() if printed.size else ''))
                    continue
                outputs = []; notes = []; problem = None
                for name in defines:
                    if name not in namespace:
                        problem = ('missing', name); break
                    value = namespace[name]
                    if not (hasattr(value, '__array__') or isinstance(value, (int, float, list, tuple, np.generic))):
                        problem = ('type', '%s\t%s' % (name, type(value).__name__)); break
                    try:
                        a = np.asarray(value)
                    except Exception as e:
                        problem = ('type', '%s\t%s' % (name, type(value).__name__)); break
                    if a.dtype.kind == 'f' and a.dtype.itemsize < 8:
                        notes.append((name, str(a.dtype)))
                    if a.dtype.kind not in 'biuf':
                        problem = ('dtype', '%s\t%s' % (name, a.dtype)); break
                    if a.size == 0:
                        problem = ('empty', '%s\t%s' % (name, a.shape)); break
                    if a.ndim > 3:
                        problem = ('shape', '%s\t%s' % (name, a.shape)); break
                    outputs.append(write_array(name, a.astype(np.float64)))
                if problem:
                    error(problem[0], problem[1])
                    continue
                send(b'O' + struct.pack('<I', len(outputs)) + b''.join(outputs) + s(printed.text())
                     + struct.pack('<I', len(notes)) + b''.join(s(n) + s(d) for n, d in notes) + s(versions()))
            else:
                os._exit(2)
        """#
}
