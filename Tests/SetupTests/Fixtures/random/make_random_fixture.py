"""Writes random.json: derive's seeded random numbers as IEEE-754 bit patterns, computed
independently of derive's Swift code from the algorithm documented in
docs/setup-language.md ("Random numbers"). Run: python3 make_random_fixture.py

SplitMix64 on Python integers (masked to 64 bits), uniforms ((z >> 12) + 0.5) * 2**-52,
normals by Marsaglia's polar method with the portable logarithm below. Python floats are
IEEE doubles and + - * / and math.sqrt are correctly rounded, as in Swift, so the bits
must agree exactly.
"""
import json
import math
import struct

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (float(self.next() >> 12) + 0.5) * 2.0**-52


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def portable_log(x):
    b = bits(x)
    exponent = ((b >> 52) & 0x7FF) - 1023
    m = from_bits((b & 0x000FFFFFFFFFFFFF) | 0x3FF0000000000000)
    if m > 1.4142135623730951:
        m = m / 2
        exponent += 1
    t = (m - 1) / (m + 1)
    t2 = t * t
    series = 1.0 / 23
    for k in range(21, 0, -2):
        series = 1.0 / float(k) + t2 * series
    e = float(exponent)
    return e * 0.6931471803691238 + (e * 1.9082149292705877e-10 + 2 * t * series)


def normals(seed, count):
    g = SplitMix64(seed)
    out = []
    while len(out) < count:
        v1 = 2 * g.uniform() - 1
        v2 = 2 * g.uniform() - 1
        s = v1 * v1 + v2 * v2
        if not (0 < s < 1):
            continue
        f = math.sqrt(-2 * portable_log(s) / s)
        out += [v1 * f, v2 * f]
    return out[:count]


def uniforms(seed, count):
    g = SplitMix64(seed)
    return [g.uniform() for _ in range(count)]


def hexbits(values):
    return ["%016x" % bits(v) for v in values]


fixture = {
    "splitmix64": {"seed": 1234567, "outputs": [str(SplitMix64(1234567).next())] + [
        str(x) for x in (lambda g: [g.next() for _ in range(5)][1:])(SplitMix64(1234567))]},
    "randn": [{"seed": s, "count": 12, "bits": hexbits(normals(s, 12))} for s in (0, 7, 8)],
    "rand": [{"seed": s, "count": 12, "bits": hexbits(uniforms(s, 12))} for s in (0, 7)],
    "log": [{"x": "%016x" % bits(x), "bits": "%016x" % bits(portable_log(x))}
            for x in (0.5, 0.75, 1e-300, 0.999999, 2.5e-7, 0.123456789)],
}
with open("random.json", "w") as f:
    json.dump(fixture, f, indent=1)
    f.write("\n")
