package io.paperpulse.cli.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paperpulse.cli.deploy.ProjectRoot;
import io.paperpulse.streams.config.PaperPulseStreamsConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class StreamsConfigReferenceTest {

  @Test
  void theReadmeHoldsTheReferenceGeneratedFromTheCode() throws Exception {
    String readme =
        Files.readString(ProjectRoot.find().resolve("README.md"), StandardCharsets.UTF_8);

    assertThat(StreamsConfigReference.sectionOf(readme))
        .as(
            "README.md's streams configuration reference differs from PaperPulseStreamsConfig and"
                + " the streams command; regenerate it with: "
                + StreamsConfigReference.REGENERATE)
        .isEqualTo(StreamsConfigReference.section());
  }

  @Test
  void theReferenceListsEveryOptionAndKey() {
    String section = StreamsConfigReference.section();

    for (OptionSpec option : StreamsConfigReference.streamsCommand().options()) {
      if (!option.usageHelp() && !option.versionHelp()) {
        assertThat(section).contains("| `" + String.join("`, `", option.names()));
      }
    }
    for (String key : PaperPulseStreamsConfig.definition().names()) {
      assertThat(section).contains("| `" + key + "` |");
    }
  }

  @Test
  void everyOptionThatSetsAKeyShowsTheKeysDefault() {
    ConfigDef definition = PaperPulseStreamsConfig.definition();
    CommandSpec streams = StreamsConfigReference.streamsCommand();

    StreamsOptionKeys.OPTIONS.forEach(
        (name, key) -> {
          OptionSpec option = streams.findOption(name);
          assertThat(option).as(name).isNotNull();
          ConfigDef.ConfigKey configKey = definition.configKeys().get(key);
          assertThat(configKey).as(key).isNotNull();
          Object expected = configKey.defaultValue;
          Object shown =
              option.defaultValue() == null
                  ? null
                  : ConfigDef.parseType(key, option.defaultValue(), configKey.type);
          assertThat(shown).as(name + " default against " + key).isEqualTo(expected);
        });
  }

  @Test
  void onlyTheSectionBetweenTheMarkersIsReplaced() {
    String readme =
        "# title\n\n"
            + StreamsConfigReference.BEGIN
            + "\nold\n"
            + StreamsConfigReference.END
            + "\n\n## after\n";

    String updated = StreamsConfigReference.withSection(readme, "NEW\n");

    assertThat(updated).isEqualTo("# title\n\nNEW\n\n## after\n");
    assertThatThrownBy(() -> StreamsConfigReference.withSection("# no markers\n", "NEW\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
