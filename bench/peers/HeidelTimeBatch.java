import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Tags many documents with HeidelTime in one JVM, so start-up is paid once.
 *
 * Usage: HeidelTimeBatch CONFIG_PROPS MANIFEST SECONDS_OUT
 * Each MANIFEST line: input path, output path, DCT (yyyy-MM-dd) and document type
 * (NEWS, NARRATIVES, ...), tab-separated. An input is UTF-8 plain text; its output
 * receives HeidelTime's TimeML. SECONDS_OUT gets, per document, the seconds spent
 * in HeidelTime's process() call. Each document type's tagger is built and warmed
 * up on a short sentence before any document is timed.
 */
public final class HeidelTimeBatch {
    private static final String WARM_UP = "On 5 March 2001 it rained for two hours, and again the next day.";

    public static void main(String[] args) throws Exception {
        String config = args[0];
        List<String> manifest = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        SimpleDateFormat day = new SimpleDateFormat("yyyy-MM-dd");
        Map<DocumentType, HeidelTimeStandalone> taggers = new EnumMap<>(DocumentType.class);
        List<String> seconds = new ArrayList<>();
        for (String line : manifest) {
            if (line.isEmpty()) {
                continue;
            }
            String[] field = line.split("\t");
            DocumentType type = DocumentType.valueOf(field[3]);
            HeidelTimeStandalone tagger = taggers.get(type);
            if (tagger == null) {
                tagger = new HeidelTimeStandalone(Language.ENGLISH, type, OutputType.TIMEML, config, POSTagger.TREETAGGER);
                tagger.process(WARM_UP, day.parse("2001-03-05"));
                taggers.put(type, tagger);
            }
            String text = new String(Files.readAllBytes(Paths.get(field[0])), StandardCharsets.UTF_8);
            Date dct = day.parse(field[2]);
            long start = System.nanoTime();
            String timeml = tagger.process(text, dct);
            seconds.add(Double.toString((System.nanoTime() - start) / 1e9));
            Files.write(Paths.get(field[1]), timeml.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(Paths.get(args[2]), seconds, StandardCharsets.UTF_8);
    }
}
