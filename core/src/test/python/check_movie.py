"""Reads a movie exported by minisim-spark with OpenCV or tifffile and compares it with the expected values.

    check_movie.py avi FILE EXPECTED.raw H W        expected: uint8 grey frames, C order
    check_movie.py tiff FILE EXPECTED.raw DTYPE     expected: the stored values in DTYPE (uint8, uint16, float32)

Prints one JSON object: frames, height, width, fps, dtype, max_abs_diff, mean_abs_diff, equal.
"""
import json
import sys

import numpy as np


def avi(path, expected, h, w):
    import cv2

    want = np.fromfile(expected, dtype=np.uint8).reshape(-1, h, w)
    cap = cv2.VideoCapture(path, cv2.CAP_FFMPEG)
    if not cap.isOpened():
        raise SystemExit("OpenCV cannot open " + path)
    fps = cap.get(cv2.CAP_PROP_FPS)
    frames = []
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        if frame.ndim == 3:
            if not (np.array_equal(frame[:, :, 0], frame[:, :, 1]) and np.array_equal(frame[:, :, 0], frame[:, :, 2])):
                raise SystemExit("a grey frame decoded with unequal colour channels")
            frame = frame[:, :, 0]
        frames.append(frame)
    cap.release()
    got = np.stack(frames) if frames else np.zeros((0, h, w), np.uint8)
    out = {"frames": int(got.shape[0]), "height": int(got.shape[1]), "width": int(got.shape[2]), "fps": fps,
           "dtype": str(got.dtype)}
    if got.shape == want.shape:
        d = np.abs(got.astype(np.int16) - want.astype(np.int16))
        out.update(max_abs_diff=int(d.max()), mean_abs_diff=float(d.mean()), equal=bool((d == 0).all()))
    return out


def tiff(path, expected, dtype):
    import tifffile

    want = np.fromfile(expected, dtype=np.dtype(dtype).newbyteorder("<"))
    with tifffile.TiffFile(path) as t:
        got = t.asarray()
        pages = len(t.pages)
        imagej = t.imagej_metadata
        big = t.is_bigtiff
    want = want.reshape(got.shape) if want.size == got.size else want
    out = {"frames": int(got.shape[0]) if got.ndim == 3 else 1, "pages": pages, "shape": list(got.shape),
           "dtype": str(got.dtype), "bigtiff": bool(big),
           "imagej_images": None if not imagej else imagej.get("images"),
           "finterval": None if not imagej else imagej.get("finterval")}
    if want.shape == got.shape:
        out["equal"] = bool(np.array_equal(got, want))
    return out


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "avi":
        r = avi(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        r = tiff(sys.argv[2], sys.argv[3], sys.argv[4])
    print(json.dumps(r))
