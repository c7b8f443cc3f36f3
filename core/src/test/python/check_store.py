#!/usr/bin/python3
"""Interop check of a minisim recording store with Debian's zarr 2.13 / numcodecs 0.11.

Usage:
  check_store.py STORE            replicate the reference loader's checks (docs/store-format.md#reading-and-checks)
                                  and print a JSON report of every array read
  check_store.py --fixtures DIR   write small zarr arrays with numcodecs (blosc-lz4 split/unsplit,
                                  several blocks, no shuffle, zlib, gzip, none) and print the same report

Every failed check exits with status 2 and a message on stderr. The report gives, per array,
its dtype, shape and the SHA-256 of its values as little-endian C-order bytes, so the Java side
can compare bit for bit.
"""
import hashlib
import json
import sys

import numpy as np
import zarr
from numcodecs import GZip, Blosc, Zlib

REQUIRED = ["C", "S", "centers_um", "amplitude_per_cell", "in_focus", "detectable"]
OPTIONAL = ["observed_sigma_px", "observed_gain", "shifts", "illumination", "vignette", "leakage",
            "bleaching", "neuropil_temporal", "neuropil_spatial", "neuropil_population",
            "vasculature_mask", "vessel_overlap_fraction"]
BOOL = {"in_focus", "detectable"}
# rank, and fixed trailing sizes (None = free), per ground-truth field
RANKS = {"C": (2, None), "S": (2, None), "centers_um": (2, 3), "amplitude_per_cell": (1, None),
         "in_focus": (1, None), "detectable": (1, None), "observed_sigma_px": (1, None),
         "observed_gain": (1, None), "shifts": (2, 2), "illumination": (2, None),
         "vignette": (2, None), "leakage": (2, None), "bleaching": (2, None),
         "neuropil_temporal": (2, None), "neuropil_spatial": (3, None),
         "neuropil_population": (1, None), "vasculature_mask": (2, None),
         "vessel_overlap_fraction": (1, None)}


def fail(msg):
    print("check_store: " + msg, file=sys.stderr)
    sys.exit(2)


def describe(a):
    le = np.ascontiguousarray(a).astype(a.dtype.newbyteorder("<"), copy=False)
    return {"dtype": a.dtype.str, "shape": list(a.shape),
            "sha256": hashlib.sha256(le.tobytes()).hexdigest(),
            "sum": float(np.nansum(a.astype(np.float64)))}


def _float(x):
    """A float the way the reference's canonical JSON writes it (shortest round trip; positional for
    decimal exponents -5..15, else scientific without zero padding; NaN/inf as null)."""
    if x != x or x in (float("inf"), float("-inf")):
        return "null"
    r = repr(x)
    if "e" not in r:
        return r
    mant, exp = r.split("e")
    exp = int(exp)
    sign = "-" if mant.startswith("-") else ""
    digits = mant.lstrip("-").replace(".", "")
    if -5 <= exp <= 15:
        if exp < 0:
            return sign + "0." + "0" * (-exp - 1) + digits
        digits = digits.ljust(exp + 1, "0")
        return sign + digits[:exp + 1] + "." + (digits[exp + 1:] or "0")
    return sign + digits[0] + ("." + digits[1:] if len(digits) > 1 else "") + "e" + ("+" if exp >= 0 else "-") + str(abs(exp))


def _canonical(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return _float(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(_canonical(x) for x in v) + "]"
    return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + _canonical(x) for k, x in v.items()) + "}"


def spec_key(spec_text):
    """Recomputes the cache key from spec.json: SHA-256 of the compact canonical JSON, first 16 hex."""
    spec = json.loads(spec_text)
    return hashlib.sha256(_canonical(spec).encode("utf-8")).hexdigest()[:16]


def check_store(path):
    root = zarr.open_group(path, mode="r")
    attrs = dict(root.attrs)
    fv = attrs.get("format_version")
    if isinstance(fv, bool) or not isinstance(fv, (int, float)) or fv != 2:
        fail("format_version %r is not 2" % (fv,))
    gt_present = attrs.get("gt_present", [])
    snapshot_names = attrs.get("snapshot_names", [])
    if list(gt_present) != [n for n in OPTIONAL if n in gt_present]:
        fail("gt_present %r is not in canonical order" % (gt_present,))
    if list(snapshot_names) != sorted(snapshot_names):
        fail("snapshot_names %r are not sorted" % (snapshot_names,))
    with open(path + "/spec.json", encoding="utf-8") as f:
        spec_text = f.read()
    report = {"format_version": fv, "spec_cache_key": attrs.get("spec_cache_key"),
              "recomputed_cache_key": spec_key(spec_text),
              "gt_present": gt_present, "snapshot_names": snapshot_names, "arrays": {}}
    gt = root["ground_truth"]
    for name in REQUIRED + list(gt_present):
        if name not in gt:
            fail("ground_truth/%s is missing" % name)
        a = gt[name][...]
        rank, fixed = RANKS[name]
        if a.ndim != rank or (fixed is not None and a.shape[-1] != fixed):
            fail("ground_truth/%s has shape %r" % (name, a.shape))
        if name in BOOL:
            if a.dtype != np.bool_:
                fail("ground_truth/%s has dtype %s, bool required" % (name, a.dtype))
        elif not np.issubdtype(a.dtype, np.floating):
            fail("ground_truth/%s has dtype %s, float required" % (name, a.dtype))
        report["arrays"]["ground_truth/" + name] = describe(a)
    report["focal_depth_um"] = dict(gt.attrs).get("focal_depth_um")
    planted = gt["planted"]
    pattrs = dict(planted.attrs)
    for key in ("canvas_shape", "fov_offset", "fov_shape"):
        if key not in pattrs:
            fail("ground_truth/planted attribute %s is missing" % key)
        report[key] = pattrs[key]
    offsets, shapes, data = planted["offsets"][...], planted["shapes"][...], planted["data"][...]
    if offsets.shape != shapes.shape or offsets.ndim != 2 or offsets.shape[1] != 2:
        fail("planted offsets %r / shapes %r" % (offsets.shape, shapes.shape))
    if not np.issubdtype(offsets.dtype, np.integer) or not np.issubdtype(data.dtype, np.floating):
        fail("planted dtypes %s / %s" % (offsets.dtype, data.dtype))
    for name, a in (("offsets", offsets), ("shapes", shapes), ("data", data)):
        report["arrays"]["ground_truth/planted/" + name] = describe(a)
    hc, wc = pattrs["canvas_shape"]
    n = offsets.shape[0]
    dense = np.zeros((n, hc, wc), np.float32)
    at = 0
    for i in range(n):
        (y0, x0), (ph, pw) = offsets[i], shapes[i]
        dense[i, y0:y0 + ph, x0:x0 + pw] = data[at:at + ph * pw].reshape(ph, pw)
        at += ph * pw
    if at != data.shape[0]:
        fail("planted data holds %d values, shapes need %d" % (data.shape[0], at))
    report["a_planted_sum"] = float(dense.astype(np.float64).sum())
    for name in REQUIRED + list(gt_present):
        a = gt[name]
        if name in ("C", "S", "centers_um", "amplitude_per_cell", "in_focus", "detectable", "bleaching",
                    "observed_sigma_px", "observed_gain", "vessel_overlap_fraction") and a.shape[0] != n:
            fail("ground_truth/%s has %d units, planted has %d" % (name, a.shape[0], n))
    for s in snapshot_names:
        a = root["snapshots"][s][...]
        if a.ndim != 3 or not np.issubdtype(a.dtype, np.floating):
            fail("snapshots/%s has shape %r dtype %s" % (s, a.shape, a.dtype))
        report["arrays"]["snapshots/" + s] = describe(a)
    obs = root["observed"][...]
    if obs.ndim != 3 or not np.issubdtype(obs.dtype, np.floating):
        fail("observed has shape %r dtype %s" % (obs.shape, obs.dtype))
    if list(obs.shape[1:]) != list(pattrs["fov_shape"]):
        fail("observed frame %r differs from fov_shape %r" % (obs.shape[1:], pattrs["fov_shape"]))
    report["arrays"]["observed"] = describe(obs)
    return report


def write_fixtures(path):
    rng = np.random.default_rng(7)
    root = zarr.open_group(path, mode="w")
    counts = rng.poisson(60, size=(40, 64, 48)).astype("<f4")
    report = {"arrays": {}}

    def put(name, a, chunks, compressor):
        z = root.create_dataset(name, data=a, chunks=chunks, compressor=compressor)
        report["arrays"][name] = describe(z[...])

    put("blosc_split_f4", counts, (16, 64, 48), Blosc("lz4", 5, Blosc.SHUFFLE))
    put("blosc_blocks_f4", counts, (15, 64, 48), Blosc("lz4", 5, Blosc.SHUFFLE, blocksize=4096 + 512))
    put("blosc_noshuffle_f8", counts.astype("<f8"), (7, 30, 48), Blosc("lz4", 5, Blosc.NOSHUFFLE))
    put("blosc_random_f8", rng.normal(size=(33, 17)), (10, 17), Blosc("lz4", 5, Blosc.SHUFFLE))
    put("blosc_i4", rng.integers(-1000, 1000, size=(300, 2)).astype("<i4"), (100, 2), Blosc("lz4", 5, Blosc.SHUFFLE))
    put("blosc_b1", rng.random(5000) < 0.3, (2000,), Blosc("lz4", 5, Blosc.SHUFFLE))
    put("zlib_f4", counts, (10, 20, 48), Zlib(1))
    put("gzip_f8", counts.astype("<f8")[:5], (2, 64, 48), GZip(5))
    put("none_f4", counts[:3], (2, 64, 48), None)
    put("empty_f8", np.zeros((0, 20)), (1, 20), Blosc("lz4", 5, Blosc.SHUFFLE))
    return report


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--fixtures":
        print(json.dumps(write_fixtures(sys.argv[2]), sort_keys=True))
    elif len(sys.argv) == 2:
        print(json.dumps(check_store(sys.argv[1]), sort_keys=True))
    else:
        fail("usage: check_store.py STORE | --fixtures DIR")
