package org.balloon.gateway.service;

/** An upstream service could not be reached in time (refused, timed out, or its circuit is open). */
public class UpstreamUnavailableException extends RuntimeException {

    private final String service;

    public UpstreamUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable: " + describe(cause), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = cause.getClass().getSimpleName();
        return root == cause ? kind : kind + " (" + root.getClass().getSimpleName() + ")";
    }
}
