package org.minisim.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference-produced golden data on the test classpath ({@code src/test/resources/golden}, provenance in its
 * {@code README.md}): spec-key vectors under {@code spec-keys/} and reference-written zarr stores under
 * {@code stores/}.
 */
public final class GoldenData {

    private GoldenData() {
    }

    /**
     * @param relative a path under {@code golden/}, e.g. {@code "stores/ref-qs-48px-1s.zarr"}
     * @return that directory or file on the test classpath, as a file-system path
     * @throws IllegalStateException when it is not on the classpath (or not in a directory)
     */
    public static Path path(String relative) {
        String name = "/golden/" + relative;
        URL url = GoldenData.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing (src/test/resources/golden)");
        }
        try {
            Path p = Path.of(url.toURI());
            if (!Files.exists(p)) {
                throw new IllegalStateException("test resource " + name + " resolves to missing " + p);
            }
            return p;
        } catch (URISyntaxException | java.nio.file.FileSystemNotFoundException e) {
            throw new IllegalStateException("test resource " + name + " is not a file (" + url + ")", e);
        }
    }

    /** @return the directory of the spec-key vectors */
    public static Path specKeys() {
        return path("spec-keys");
    }

    /** @return the directory holding the reference-written {@code *.zarr} stores */
    public static Path stores() {
        return path("stores");
    }

    /** @param name a store's directory name, e.g. {@code "ref-full-48px-1s.zarr"} @return its root */
    public static Path store(String name) {
        return path("stores/" + name);
    }
}
