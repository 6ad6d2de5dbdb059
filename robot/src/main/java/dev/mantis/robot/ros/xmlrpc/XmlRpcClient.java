package dev.mantis.robot.ros.xmlrpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Calls XML-RPC methods over HTTP/1.1 POST, with connect and read timeouts. */
public final class XmlRpcClient {

    private static final int MAX_RESPONSE = 64 << 20;

    private final int timeoutMillis;
    private final XmlDocumentParser parser = new XmlDocumentParser();

    /** A client whose calls give up after this many milliseconds of connecting or waiting. */
    public XmlRpcClient(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Calls {@code method} at {@code uri}.
     *
     * @throws XmlRpcException when the server cannot be reached, faults or answers garbage; the
     *     message names the URI and method
     */
    public Object call(URI uri, String method, Object... params) throws XmlRpcException {
        byte[] body = XmlRpcValues.methodCall(method, List.of(params)).getBytes(StandardCharsets.UTF_8);
        HttpURLConnection http = null;
        try {
            http = (HttpURLConnection) uri.toURL().openConnection();
            http.setConnectTimeout(timeoutMillis);
            http.setReadTimeout(timeoutMillis);
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "text/xml");
            http.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = http.getOutputStream()) {
                out.write(body);
            }
            int status = http.getResponseCode();
            if (status != 200) {
                throw new XmlRpcException(method + " at " + uri + ": HTTP " + status);
            }
            byte[] response;
            try (InputStream in = http.getInputStream()) {
                response = in.readNBytes(MAX_RESPONSE + 1);
            }
            if (response.length > MAX_RESPONSE) {
                throw new XmlRpcException(method + " at " + uri + ": response larger than " + MAX_RESPONSE + " bytes");
            }
            return XmlRpcValues.parseResponse(response, parser);
        } catch (XmlRpcException e) {
            if (e.getMessage().startsWith(method + " at ")) {
                throw e;
            }
            throw new XmlRpcException(method + " at " + uri + ": " + e.getMessage(), e.faultCode(), e);
        } catch (IOException | IllegalArgumentException e) {
            throw new XmlRpcException(method + " at " + uri + ": " + e, e);
        } finally {
            if (http != null) {
                http.disconnect();
            }
        }
    }
}
