#!/usr/bin/env bash
# Example: a sweep on a Spark standalone cluster, output on S3. Edit the master URL, bucket and sizes.
# The driver runs here (client mode) and reads the sweep file from this machine; executors need only the thin jar,
# which spark-submit ships to them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

submit/minisim-submit \
    --master spark://spark-master.example.internal:7077 \
    --deploy-mode client \
    --properties-file conf/cluster/spark-defaults.s3-aws.conf \
    --executor-memory 4g --executor-cores 2 --total-executor-cores 32 \
    --driver-memory 2g \
    -- conf/sweeps/quickstart.json \
    --stores s3a://my-bucket/minisim/quickstart/stores \
    --table s3a://my-bucket/minisim/quickstart/cells
