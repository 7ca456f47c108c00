package io.paperpulse.cli.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingBoardTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static String ranking(String bucket, String... tags) {
    StringBuilder entries = new StringBuilder();
    for (int i = 0; i < tags.length; i++) {
      entries
          .append(i == 0 ? "" : ",")
          .append(
              String.format(
                  "{\"rank\":%d,\"tag\":\"%s\",\"kind\":\"TOPIC\",\"paperCount\":%d,\"upvoteSum\":0,\"score\":%d.5}",
                  i + 1, tags[i], 10 - i, 10 - i));
    }
    return "{\"granularity\":\"week\",\"bucketStart\":\""
        + bucket
        + "\",\"bucketEnd\":\"2024-01-15\",\"tags\":["
        + entries
        + "]}";
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static String line(List<String> view, String tag) {
    return view.stream().filter(l -> l.contains(" " + tag + " ")).findFirst().orElseThrow();
  }

  @Test
  void arrowsShowRankChangesWithinABucket() throws Exception {
    RankingBoard board = new RankingBoard(10);
    List<String> first =
        board.render(json(ranking("2024-01-08", "agents", "diffusion", "robotics")));
    assertThat(first.get(0)).contains("week 2024-01-08");
    assertThat(String.join("\n", first))
        .doesNotContain(RankingBoard.UP, RankingBoard.DOWN, RankingBoard.NEW);

    List<String> second = board.render(json(ranking("2024-01-08", "robotics", "agents", "speech")));
    assertThat(line(second, "robotics")).contains(RankingBoard.UP + "2");
    assertThat(line(second, "agents")).contains(RankingBoard.DOWN + "1");
    assertThat(line(second, "speech")).contains(RankingBoard.NEW);
  }

  @Test
  void aNewBucketStartsWithoutArrowsAndTheLimitCutsTheList() throws Exception {
    RankingBoard board = new RankingBoard(2);
    board.render(json(ranking("2024-01-08", "agents", "diffusion")));
    List<String> view = board.render(json(ranking("2024-01-15", "diffusion", "agents", "speech")));
    assertThat(String.join("\n", view))
        .doesNotContain(RankingBoard.UP, RankingBoard.DOWN, RankingBoard.NEW)
        .contains("diffusion", "agents")
        .doesNotContain("speech");
  }

  @Test
  void eventsAreAssembledFromDataLinesAndDispatchedOnBlankLines() {
    List<ServerSentEvents.Event> events = new ArrayList<>();
    ServerSentEvents reader = new ServerSentEvents(events::add);
    for (String line :
        List.of(
            ": keep-alive", "", "event: trending", "data: {\"a\":", "data: 1}", "", "data:x", "")) {
      reader.accept(line);
    }
    assertThat(events)
        .containsExactly(
            new ServerSentEvents.Event("trending", "{\"a\":\n1}"),
            new ServerSentEvents.Event("message", "x"));
  }
}
