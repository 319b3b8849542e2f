// A SPARQL 1.1 Protocol server on Apache Jena for tests/servers.py: Debian ships Jena's libraries
// (libapache-jena-java 4.5) but no Fuseki, so this serves a Jena dataset the way Fuseki does, with the
// JDK's own HTTP server. Everything that answers is Jena's: the dataset is built by Jena's assembler
// from the same description a Fuseki configuration holds (a TDB2 dataset, tdb2:unionDefaultGraph true),
// queries and updates are parsed and run by ARQ, each request in one transaction (as Fuseki runs them),
// and answers are written by Jena's SPARQL JSON results writer.
//
// Run (Java 11+ runs a source file as it is):  java -cp JENA_JARS tests/JenaServer.java ASSEMBLER.ttl PORT
//   POST /query   query=... (form) or application/sparql-query; GET /query?query=...
//   POST /update  update=... (form) or application/sparql-update
// A refused request gets 400 and Jena's own message as text/plain, as Fuseki answers it.

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.update.UpdateAction;

public class JenaServer {
    public static void main(String[] args) throws IOException {
        Dataset dataset = TDB2Factory.assembleDataset(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[1])), 0);
        server.createContext("/query", exchange -> answer(exchange, dataset, "query"));
        server.createContext("/update", exchange -> answer(exchange, dataset, "update"));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.err.println("JenaServer: " + args[0] + " on http://127.0.0.1:" + args[1] + "/");
    }

    static void answer(HttpExchange exchange, Dataset dataset, String operation) throws IOException {
        try {
            String text = request(exchange, operation);
            if (text == null) {
                send(exchange, 400, "text/plain", ("No " + operation + " in the request\n").getBytes(StandardCharsets.UTF_8));
            } else if (operation.equals("update")) {
                Txn.executeWrite(dataset, () -> UpdateAction.parseExecute(text, dataset));
                send(exchange, 200, "text/plain", new byte[0]);
            } else {
                send(exchange, 200, "application/sparql-results+json", select(dataset, text));
            }
        } catch (QueryException error) {  // parse errors and evaluation errors: the client's request
            send(exchange, 400, "text/plain", (error.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException error) {
            send(exchange, 500, "text/plain", (error + "\n").getBytes(StandardCharsets.UTF_8));
        } finally {
            exchange.close();
        }
    }

    static byte[] select(Dataset dataset, String text) {
        Query query = QueryFactory.create(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Txn.executeRead(dataset, () -> {
            try (QueryExecution execution = QueryExecution.dataset(dataset).query(query).build()) {
                if (query.isAskType()) {
                    ResultSetFormatter.outputAsJSON(out, execution.execAsk());
                } else if (query.isSelectType()) {
                    ResultSetFormatter.outputAsJSON(out, execution.execSelect());
                } else {
                    throw new QueryException("Only SELECT and ASK queries are served here");
                }
            }
        });
        return out.toByteArray();
    }

    /** The query or update of a request: a form field (URL or body) or the whole body of its own media type. */
    static String request(HttpExchange exchange, String operation) throws IOException {
        Map<String, String> fields = form(exchange.getRequestURI().getRawQuery());
        if (exchange.getRequestMethod().equals("POST")) {
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (type.startsWith("application/sparql-" + operation)) {
                return body;
            }
            fields.putAll(form(body));
        }
        return fields.get(operation);
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
