package org.balloon.gateway.persistence;

/** The score store could not do what was asked (the database is unreachable or refused). */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The database refused the data itself (SQLSTATE class 22, data exception, or 23, integrity
     * constraint violation): retrying the same rows cannot help, unlike an outage.
     */
    public boolean isDataError() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
