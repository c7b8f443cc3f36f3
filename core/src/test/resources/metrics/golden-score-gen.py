# Generates golden-score.json: the reference's A_observed statistics and score() numbers on the golden store
# ref-full-48px-1s.zarr. Run with the Debian python (zarr 2.13, numpy, scipy) beside copies of the reference
# minisim/footprint.py (reffootprint.py) and minisim/metrics.py (refmetrics.py); score() is re-traced step by
# step from docs/scoring.md#score with the reference metric functions.
import hashlib, json, sys
import numpy as np, zarr
import reffootprint as F
import refmetrics as M

root = zarr.open_group(sys.argv[1], mode="r")
gt = root["ground_truth"]
pl = gt["planted"]
canvas = tuple(pl.attrs["canvas_shape"]); top, left = pl.attrs["fov_offset"]; h, w = pl.attrs["fov_shape"]
stack = F.FootprintStack.from_arrays(pl["offsets"][:], pl["shapes"][:], pl["data"][:], canvas)
sigma = gt["observed_sigma_px"][:]; gain = gt["observed_gain"][:]
obs = []
for i, fp in enumerate(stack):
    obs.append(fp if np.isnan(sigma[i]) else F.degrade_footprint(fp, float(sigma[i]), float(gain[i])))
A_obs = F.FootprintStack(tuple(obs), canvas).crop(top, left, h, w).to_dense(dtype=float)
A_pl = stack.crop(top, left, h, w).to_dense(dtype=float)
det = gt["detectable"][:].astype(bool)
C = gt["C"][:]; S = gt["S"][:]; shifts = gt["shifts"][:]

def nanmed(a):
    return float(np.nanmedian(a)) if a.size and not np.all(np.isnan(a)) else float("nan")

def score(A_est, C_est, S_est, sh_est, metric, thr, restrict, fshift):
    idx = np.flatnonzero(det) if restrict else np.arange(len(det))
    At = A_obs[idx]; Ct = C[idx]; St = S[idx]
    if fshift == "auto" and sh_est is not None:
        fshift = M.global_shift_from_trajectories(sh_est, shifts, correction=True)
    m = M.hungarian_match(A_est, At, metric=metric, shift=fshift)
    nm = len(m.matched_pairs(thr))
    rec = nm / m.n_true if m.n_true else 0.0
    pre = nm / m.n_est if m.n_est else 0.0
    f1 = 2 * pre * rec / (pre + rec) if pre + rec else 0.0
    tc = nanmed(M.trace_pearson(C_est, Ct, m.pairing)) if C_est is not None and m.pairing else float("nan")
    if S_est is not None and m.pairing:
        a = M.activity_similarity(S_est, St, m.pairing)
        ac, av, asc = nanmed(a.correlation), nanmed(a.variance_explained), nanmed(a.scale)
    else:
        ac = av = asc = float("nan")
    rmse = M.shift_rmse(sh_est, shifts, correction=True, align=True) if sh_est is not None else None
    nan = lambda x: None if x is None or np.isnan(x) else float(x)
    return {"n_true": m.n_true, "n_est": m.n_est, "n_matched": nm, "recall": rec, "precision": pre, "f1": f1,
            "mean_overlap": float(m.mean_similarity), "trace_corr": nan(tc), "activity_corr": nan(ac),
            "activity_variance_explained": nan(av), "activity_scale": nan(asc), "shift_rmse": nan(rmse),
            "footprint_shift": list(m.shift)}

rng = np.random.default_rng(5)
cases = []
sub = np.flatnonzero(det)
# 1. every unit's observed footprint moved by (2, -1), footprints only, all cells, auto shift
cases.append({"name": "all-moved-auto", "move": [2, -1], "units": list(range(len(det))), "traces": False,
              "shifts_bias": None, "metric": "iou", "threshold": 0.5, "restrict": False, "shift": "auto",
              "want": score(M._shift_stack(A_obs, 2, -1), None, None, None, "iou", 0.5, False, "auto")})
# 2. detectable units fed back with traces, a correction trajectory biased by (3, -2), footprints moved to match
est_sh = -shifts + np.array([3.0, -2.0])
cases.append({"name": "detectable-biased-trajectory", "move": [3, -2], "units": sub.tolist(), "traces": True,
              "shifts_bias": [3, -2], "metric": "iou", "threshold": 0.5, "restrict": True, "shift": "auto",
              "want": score(M._shift_stack(A_obs[sub], 3, -2), C[sub] * 2 + 1, S[sub] / 4, est_sh, "iou", 0.5, True,
                            "auto")})
# 3. every other unit, cosine and weighted Jaccard, no shift, all cells, threshold 0.3
half = np.arange(0, len(det), 2)
for metric in ["cosine", "weighted_jaccard"]:
    cases.append({"name": "half-" + metric, "move": [0, 0], "units": half.tolist(), "traces": True,
                  "shifts_bias": None, "metric": metric, "threshold": 0.3, "restrict": False, "shift": None,
                  "want": score(A_obs[half], C[half] * 2 + 1, S[half] / 4, None, metric, 0.3, False, None)})
# 4. planted footprints against the observed target: the irreducible optics gap
cases.append({"name": "planted-vs-observed", "move": [0, 0], "units": list(range(len(det))), "traces": False,
              "planted": True, "shifts_bias": None, "metric": "iou", "threshold": 0.5, "restrict": False,
              "shift": None, "want": score(A_pl, None, None, None, "iou", 0.5, False, None)})
units = [{"sum": float(a.sum()), "max": float(a.max()), "nnz": int((a != 0).sum()),
          "sha256": hashlib.sha256(np.ascontiguousarray(a, dtype="<f8").tobytes()).hexdigest()} for a in A_obs]
json.dump({"generator": "gen_golden.py (numpy %s)" % np.__version__, "store": "ref-full-48px-1s.zarr",
           "a_observed": units, "cases": cases}, open("golden-score.json", "w"), indent=1)
for c in cases:
    print(c["name"], c["want"])
