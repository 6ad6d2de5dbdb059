package dev.mantis.robot.ros.xmlrpc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * An XML-RPC server on the JDK's HTTP server. A malformed request or a handler failure is answered
 * with a fault and reported to the error listener; the server keeps serving.
 */
public final class XmlRpcServer implements AutoCloseable {

    private static final int MAX_REQUEST = 16 << 20;

    private final HttpServer http;
    private final ExecutorService executor;
    private final XmlDocumentParser parser = new XmlDocumentParser();

    /**
     * Starts serving on {@code bind} (port 0 picks a free one).
     *
     * @param errors told about every request answered with a fault
     */
    public XmlRpcServer(InetSocketAddress bind, XmlRpcHandler handler, Consumer<String> errors) throws IOException {
        http = HttpServer.create(bind, 64);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ros-xmlrpc-" + bind.getPort());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", exchange -> serve(exchange, handler, errors, parser));
        http.start();
    }

    /** The port it listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    private static void serve(HttpExchange exchange, XmlRpcHandler handler, Consumer<String> errors,
            XmlDocumentParser parser) throws IOException {
        String response;
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                throw new XmlRpcException("XML-RPC needs POST, got " + exchange.getRequestMethod());
            }
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readNBytes(MAX_REQUEST + 1);
            }
            if (request.length > MAX_REQUEST) {
                throw new XmlRpcException("request larger than " + MAX_REQUEST + " bytes");
            }
            XmlRpcValues.Call call = XmlRpcValues.parseCall(request, parser);
            try {
                response = XmlRpcValues.response(handler.handle(call.method(), call.params()));
            } catch (XmlRpcException e) {
                throw new XmlRpcException(call.method() + ": " + e.getMessage(), e);
            }
        } catch (XmlRpcException | RuntimeException e) {
            String message = e instanceof XmlRpcException ? e.getMessage() : e.toString();
            errors.accept("XML-RPC request from " + exchange.getRemoteAddress() + " refused: " + message);
            response = XmlRpcValues.fault(-1, message);
        }
        byte[] body = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }
}
