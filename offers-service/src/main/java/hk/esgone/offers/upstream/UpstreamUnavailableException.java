package hk.esgone.offers.upstream;

/** Another service could not give an answer (down, slow, failing, or answering nonsense). */
public class UpstreamUnavailableException extends RuntimeException {

    private final String service;

    public UpstreamUnavailableException(String service, Throwable cause) {
        super(service + " did not answer", cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
