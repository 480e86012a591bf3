# Idiom seen in: lcswillems/torch-ac torch_ac/algos/a2c.py
# What it reproduces: A2C with RMSprop and no weight decay; the subtracted term is the entropy bonus (not an L2 term)
#   and the squared norms summed after backward() are the gradients, logged only: nothing to report, clean.
import numpy
import torch

from torch_ac.algos.base import BaseAlgo


class A2CAlgo(BaseAlgo):
    """The class for the Advantage Actor-Critic algorithm."""

    def __init__(self, envs, acmodel, num_frames_per_proc=None, discount=0.99, lr=7e-4, gae_lambda=0.95,
                 entropy_coef=0.01, value_loss_coef=0.5, max_grad_norm=0.5, recurrence=4,
                 rmsprop_alpha=0.99, rmsprop_eps=1e-5, preprocess_obss=None, reshape_reward=None):
        num_frames_per_proc = num_frames_per_proc or 8
        super().__init__(envs, acmodel, num_frames_per_proc, discount, lr, gae_lambda, entropy_coef,
                         value_loss_coef, max_grad_norm, recurrence, preprocess_obss, reshape_reward)
        self.optimizer = torch.optim.RMSprop(self.acmodel.parameters(), lr,
                                             alpha=rmsprop_alpha, eps=rmsprop_eps)

    def update_parameters(self):
        exps, logs = self.collect_experiences()
        inds = self._get_starting_indexes()
        update_entropy, update_value, update_policy_loss, update_value_loss, update_loss = 0, 0, 0, 0, 0

        if self.acmodel.recurrent:
            memory = exps.memory[inds]

        for i in range(self.recurrence):
            sb = exps[inds + i]
            if self.acmodel.recurrent:
                dist, value, memory = self.acmodel(sb.obs, memory * sb.mask)
            else:
                dist, value = self.acmodel(sb.obs)

            entropy = dist.entropy().mean()
            policy_loss = -(dist.log_prob(sb.action) * sb.advantage).mean()
            value_loss = (value - sb.returnn).pow(2).mean()
            loss = policy_loss - self.entropy_coef * entropy + self.value_loss_coef * value_loss

            update_entropy += entropy.item()
            update_value += value.mean().item()
            update_policy_loss += policy_loss.item()
            update_value_loss += value_loss.item()
            update_loss += loss

        update_entropy /= self.recurrence
        update_value /= self.recurrence
        update_policy_loss /= self.recurrence
        update_value_loss /= self.recurrence
        update_loss /= self.recurrence

        self.optimizer.zero_grad()
        update_loss.backward()
        update_grad_norm = sum(p.grad.data.norm(2) ** 2 for p in self.acmodel.parameters()) ** 0.5
        torch.nn.utils.clip_grad_norm_(self.acmodel.parameters(), self.max_grad_norm)
        self.optimizer.step()

        logs["entropy"] = update_entropy
        logs["value"] = update_value
        logs["policy_loss"] = update_policy_loss
        logs["value_loss"] = update_value_loss
        logs["grad_norm"] = update_grad_norm
        return logs

    def _get_starting_indexes(self):
        return numpy.arange(0, self.num_frames, self.recurrence)
