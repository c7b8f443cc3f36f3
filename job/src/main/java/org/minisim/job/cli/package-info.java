/**
 * The command line: {@link org.minisim.job.cli.Main} dispatches {@code minisim <command>} to one class per
 * command. Each command is a thin {@code run(args, out, err)} over a library method (the sweep job, the scorer,
 * the exporters), returning the process exit status.
 */
package org.minisim.job.cli;
