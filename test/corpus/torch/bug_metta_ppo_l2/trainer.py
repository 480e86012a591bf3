# Idiom seen in: Metta-AI/metta metta/rl/pufferlib/trainer.py (PufferTrainer._train: coefficient-guarded l2_reg_loss / l2_init_loss summed into the PPO loss)
# What it reproduces: the PPO minibatch update, except that the weight-decay term l2_reg_loss is computed
# and only accumulated into the logged stats; the `loss` that backward() sees leaves it out (WD104).
from collections import defaultdict

import torch

from policy import MettaPolicy
from experience import Experience  # rollout storage, not in this folder


class PPOTrainer:
    def __init__(self, cfg, policy: MettaPolicy, device):
        self.cfg = cfg
        self.policy = policy
        self.device = device
        self.optimizer = torch.optim.Adam(
            policy.parameters(), lr=cfg.learning_rate, betas=(cfg.beta1, cfg.beta2), eps=cfg.eps
        )
        self.losses = defaultdict(float)

    def _train(self, experience: Experience):
        cfg = self.cfg
        self.losses.clear()
        n_mb = cfg.update_epochs * experience.num_minibatches
        for _ in range(cfg.update_epochs):
            for mb in experience.minibatches():
                _, newlogprob, entropy, newvalue = self.policy(mb["obs"], mb["actions"])
                logratio = newlogprob - mb["logprobs"]
                ratio = logratio.exp()

                adv = mb["advantages"]
                if cfg.norm_adv:
                    adv = (adv - adv.mean()) / (adv.std() + 1e-8)
                pg_loss1 = -adv * ratio
                pg_loss2 = -adv * torch.clamp(ratio, 1 - cfg.clip_coef, 1 + cfg.clip_coef)
                pg_loss = torch.max(pg_loss1, pg_loss2).mean()

                v_loss = 0.5 * ((newvalue - mb["returns"]) ** 2).mean()
                entropy_loss = entropy.mean()

                l2_reg_loss = torch.tensor(0.0, device=self.device)
                if cfg.l2_reg_loss_coef > 0:
                    l2_reg_loss = cfg.l2_reg_loss_coef * self.policy.l2_reg_loss()  # expect: WD104

                l2_init_loss = torch.tensor(0.0, device=self.device)
                if cfg.l2_init_loss_coef > 0:
                    l2_init_loss = cfg.l2_init_loss_coef * self.policy.l2_init_loss()

                loss = pg_loss - cfg.ent_coef * entropy_loss + v_loss * cfg.vf_coef + l2_init_loss

                self.optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.policy.parameters(), cfg.max_grad_norm)
                self.optimizer.step()

                self.losses["policy_loss"] += pg_loss.item() / n_mb
                self.losses["value_loss"] += v_loss.item() / n_mb
                self.losses["entropy"] += entropy_loss.item() / n_mb
                self.losses["l2_reg_loss"] += l2_reg_loss.item() / n_mb
                self.losses["l2_init_loss"] += l2_init_loss.item() / n_mb
        return dict(self.losses)
