# Generates reference-parity.json: run beside a copy of the reference minisim/metrics.py saved as refmetrics.py
# (numpy + scipy only). Inputs are Gaussian blob parameters, rebuilt identically by ReferenceParityTest.
import json, numpy as np
import refmetrics as M

def blob(h, w, cy, cx, s, amp):
    yy, xx = np.ogrid[:h, :w]
    g = amp * np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2.0 * s * s))
    return np.where(g > 1e-6 * amp, g, 0.0)

rng = np.random.default_rng(2026)
cases = []
for case in range(6):
    h, w = [(37, 53), (48, 48), (61, 40), (37, 53), (50, 76), (45, 45)][case]
    n_true = int(rng.integers(3, 7))
    true_p = [(float(rng.uniform(6, h - 6)), float(rng.uniform(6, w - 6)), float(rng.uniform(1.5, 4.0)),
               float(rng.uniform(0.5, 3.0))) for _ in range(n_true)]
    dy, dx = int(rng.integers(-4, 5)), int(rng.integers(-4, 5))
    est_p = []
    for (cy, cx, s, a) in true_p:
        if rng.random() < 0.8:
            est_p.append((cy + dy + float(rng.normal(0, 0.4)), cx + dx + float(rng.normal(0, 0.4)),
                          s * float(rng.uniform(0.8, 1.25)), a * float(rng.uniform(0.3, 3.0))))
    for _ in range(int(rng.integers(0, 3))):
        est_p.append((float(rng.uniform(6, h - 6)), float(rng.uniform(6, w - 6)), float(rng.uniform(1.5, 4.0)), 1.0))
    perm = rng.permutation(len(est_p))
    est_p = [est_p[i] for i in perm]
    At = np.stack([blob(h, w, *p) for p in true_p])
    Ae = np.stack([blob(h, w, *p) for p in est_p]) if est_p else np.zeros((0, h, w))
    out = {"h": h, "w": w, "true": true_p, "est": est_p, "results": []}
    for metric in ["iou", "cosine", "weighted_jaccard"]:
        for shift in [None, "auto", [dy * -1, dx * -1]]:
            for ef in ([0.9, 0.6, 1.0] if metric == "iou" else [0.9]):
                m = M.hungarian_match(Ae, At, metric=metric, energy_frac=ef, shift=shift if not isinstance(shift, list) else tuple(shift))
                out["results"].append({
                    "metric": metric, "shift": shift, "energy_frac": ef,
                    "applied": list(m.shift), "pairing": [list(p) for p in m.pairing],
                    "matrix": np.asarray(m.similarity_matrix, dtype=float).ravel().tolist(),
                    "mean": float(m.mean_similarity), "recall": m.recall(0.5), "precision": m.precision(0.5)})
    cases.append(out)
json.dump({"generator": "docs/scoring.md#matching parity vectors from the reference hungarian_match (numpy %s, scipy)" % np.__version__,
           "cases": cases}, open("parity.json", "w"))
import os; print(os.path.getsize("parity.json"))
for c in cases:
    print(c["h"], c["w"], len(c["true"]), len(c["est"]), [ (r["metric"], r["shift"], r["applied"], round(r["recall"],2)) for r in c["results"] if r["energy_frac"]==0.9][:3])
