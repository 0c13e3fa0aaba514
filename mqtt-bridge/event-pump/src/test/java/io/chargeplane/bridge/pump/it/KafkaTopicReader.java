package io.chargeplane.bridge.pump.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning, the way a consumer service would see it. */
final class KafkaTopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

    KafkaTopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until at least {@code distinctIds} distinct {@code ce_id}s were read or the timeout passed. */
    List<ConsumerRecord<String, byte[]>> readUntil(int distinctIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (distinctIds(records) < distinctIds && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        // One more short poll: duplicates written just after the last new id should be counted too.
        consumer.poll(Duration.ofMillis(300)).forEach(records::add);
        return List.copyOf(records);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static long distinctIds(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> header(r, "ce_id")).distinct().count();
    }

    static int duplicates(List<ConsumerRecord<String, byte[]>> records) {
        return records.size() - (int) distinctIds(records);
    }

    /** Each key's {@code seq} numbers in partition order, first occurrences only (duplicates are allowed). */
    static Map<String, List<Integer>> firstSequencePerKey(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Integer>> perKey = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        records.stream()
                .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset()))
                .forEach(record -> {
                    if (seen.computeIfAbsent(record.key(), k -> new java.util.HashSet<>()).add(header(record, "ce_id"))) {
                        perKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(sequence(record));
                    }
                });
        return perKey;
    }

    static int sequence(ConsumerRecord<String, byte[]> record) {
        String data = new String(record.value(), StandardCharsets.UTF_8);
        int at = data.indexOf("seq ") + 4;
        int end = at;
        while (end < data.length() && Character.isDigit(data.charAt(end))) {
            end++;
        }
        return Integer.parseInt(data.substring(at, end));
    }

    /** Pairs of neighbours where a later sequence number came first. */
    static long inversions(List<Integer> sequence) {
        long count = 0;
        for (int i = 1; i < sequence.size(); i++) {
            if (sequence.get(i) < sequence.get(i - 1)) {
                count++;
            }
        }
        return count;
    }

    static Map<String, Set<Integer>> partitionsPerKey(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(ConsumerRecord::partition, Collectors.toSet())));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
