package com.contoso.loyalty.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class PointsTopology {

    @Bean
    KStream<String, Long> points(StreamsBuilder builder, @Value("${loyalty.points.per-euro}") long perEuro) {
        KStream<String, Long> orders = builder.stream("order-paid", Consumed.with(Serdes.String(), Serdes.Long()));
        KStream<String, Long> points = orders.mapValues(cents -> cents / 100 * perEuro);
        points.to("points-earned", Produced.with(Serdes.String(), Serdes.Long()));
        return points;
    }
}
