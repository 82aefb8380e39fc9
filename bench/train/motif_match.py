"""Share of filter motifs (MEME) that match a planted motif: best mean column Pearson correlation over all
ungapped alignments (overlap >= 6) on both strands, at or above a threshold. Usage:
python3 motif_match.py FILTERS.meme JASPAR_FILE ID[,ID...] THRESHOLD FILTERS.tsv
Filters with fewer than 10 activating windows are ignored (they did not learn anything)."""
import sys
import numpy as np


def read_meme(path):
    motifs, name, rows = {}, None, None
    for line in open(path):
        parts = line.split()
        if line.startswith("MOTIF"):
            name = parts[1]
            rows = []
            motifs[name] = rows
        elif name and len(parts) == 4:
            try:
                rows.append([float(v) for v in parts])
            except ValueError:
                pass
    return {k: np.array(v) for k, v in motifs.items() if v}


def pearson_columns(a, b):
    a = a - a.mean(axis=1, keepdims=True)
    b = b - b.mean(axis=1, keepdims=True)
    den = np.sqrt((a * a).sum(axis=1) * (b * b).sum(axis=1))
    return np.where(den > 0, (a * b).sum(axis=1) / np.where(den > 0, den, 1), 0.0)


def best(a, b, min_overlap=6):
    result = -1.0
    for m in (b, b[::-1, ::-1]):
        need = min(min_overlap, len(a), len(m))
        for off in range(-(len(m) - need), len(a) - need + 1):
            lo, hi = max(0, off), min(len(a), off + len(m))
            result = max(result, pearson_columns(a[lo:hi], m[lo - off:hi - off]).mean())
    return result


def read_jaspar(path, ids):
    motifs, name, rows = {}, None, {}
    for line in open(path):
        if line.startswith(">"):
            name = line[1:].split()[0]
            rows = {}
            if name in ids:
                motifs[name] = rows
        elif name in ids and "[" in line:
            letter, values = line.split("[")
            rows[letter.strip()] = [float(v) for v in values.replace("]", "").split()]
    result = {}
    for k, r in motifs.items():
        counts = np.array([r["A"], r["C"], r["G"], r["T"]]).T
        result[k] = counts / counts.sum(axis=1, keepdims=True)
    return result


filters = read_meme(sys.argv[1])
planted = read_jaspar(sys.argv[2], set(sys.argv[3].split(",")))
threshold = float(sys.argv[4])
sites = {}
for line in list(open(sys.argv[5]))[1:]:
    f = line.split("\t")
    sites[f[0]] = int(f[1])
used = [k for k in filters if sites.get(k, 10) >= 10]
matched = [k for k in used if max(best(filters[k], p) for p in planted.values()) >= threshold]
print(f"{len(matched)}/{len(used)} filters match a planted motif (>= {threshold}): {len(matched) / max(1, len(used)):.3f}")
