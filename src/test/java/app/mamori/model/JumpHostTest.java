package app.mamori.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JumpHostTest {

    @Test
    void parsesHostsWithAndWithoutPorts() {
        assertThat(JumpHost.parse("ops@bastion")).isEqualTo(new JumpHost("ops", "bastion", 22));
        assertThat(JumpHost.parse("ops@bastion:2222")).isEqualTo(new JumpHost("ops", "bastion", 2222));
        assertThat(JumpHost.parse("ops@[fd00::1]:2222")).isEqualTo(new JumpHost("ops", "fd00::1", 2222));
        assertThat(JumpHost.parse("ops@fd00::1")).isEqualTo(new JumpHost("ops", "fd00::1", 22));
    }

    @Test
    void printsAFormThatParsesBackToTheSameHop() {
        for (String spec : new String[]{"ops@bastion", "ops@bastion:2222", "ops@[fd00::1]:2222", "ops@fd00::1"}) {
            JumpHost j = JumpHost.parse(spec);
            assertThat(JumpHost.parse(j.toString())).isEqualTo(j);
        }
    }

    @Test
    void badSpecsNameTheOptionAndTheFormat() {
        assertThatThrownBy(() -> JumpHost.parse("bastion")).hasMessageContaining("--jump").hasMessageContaining("USER@HOST");
        assertThatThrownBy(() -> JumpHost.parse("ops@bastion:ssh")).hasMessageContaining("not a number");
    }
}
