#!/usr/bin/env bash
# Example: a sweep on YARN (e.g. EMR, Dataproc-like Hadoop clusters), output on S3 or HDFS.
# HADOOP_CONF_DIR (or YARN_CONF_DIR) must point at the cluster's configuration.
# Client mode: the driver runs here and reads the sweep file locally. For cluster mode, put the sweep file on the
# cluster's storage and give its URI (s3a://... or hdfs://...) instead of a local path.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
: "${HADOOP_CONF_DIR:?set HADOOP_CONF_DIR to the cluster configuration}"

submit/minisim-submit \
    --master yarn \
    --deploy-mode client \
    --properties-file conf/cluster/spark-defaults.s3-aws.conf \
    --num-executors 16 --executor-memory 4g --executor-cores 2 \
    --driver-memory 2g \
    -- conf/sweeps/quickstart.json \
    --stores s3a://my-bucket/minisim/quickstart/stores \
    --table s3a://my-bucket/minisim/quickstart/cells
# HDFS output works the same way: --stores hdfs:///user/$USER/minisim/stores --table hdfs:///user/$USER/minisim/cells
