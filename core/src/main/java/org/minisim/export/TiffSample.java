package org.minisim.export;

/** The sample type of an exported TIFF stack. */
public enum TiffSample {
    /** Unsigned 8-bit counts (sensor bit depth ≤ 8). */
    UINT8(8, 1),
    /** Unsigned 16-bit counts (bit depth 9–16). */
    UINT16(16, 1),
    /** Unsigned 32-bit counts (bit depth 17–32). */
    UINT32(32, 1),
    /** IEEE float32 (a movie without a sensor step: continuous intensity). */
    FLOAT32(32, 3);

    private final int bits;
    private final int sampleFormat;

    TiffSample(int bits, int sampleFormat) {
        this.bits = bits;
        this.sampleFormat = sampleFormat;
    }

    /** @return bits per sample */
    public int bits() {
        return bits;
    }

    /** @return bytes per sample */
    public int bytes() {
        return bits / 8;
    }

    /** @return the TIFF SampleFormat tag value: 1 unsigned integer, 3 IEEE float */
    int sampleFormat() {
        return sampleFormat;
    }

    /**
     * @param sensorBits the sensor's ADC bits, or null for a movie without a sensor
     * @return the narrowest unsigned type that holds every count, or FLOAT32 without a sensor
     * @throws ExportException for more than 32 bits
     */
    public static TiffSample forSensorBits(Integer sensorBits) {
        if (sensorBits == null) {
            return FLOAT32;
        }
        if (sensorBits <= 8) {
            return UINT8;
        }
        if (sensorBits <= 16) {
            return UINT16;
        }
        if (sensorBits <= 32) {
            return UINT32;
        }
        throw new ExportException("bit_depth " + sensorBits + " counts do not fit a 32-bit TIFF sample");
    }
}
