/** Command-line entry points of the core module (no Spark): {@code validate}. */
package org.minisim.cli;
