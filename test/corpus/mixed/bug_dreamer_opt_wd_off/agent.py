# Idiom seen in: danijar/dreamerv3 dreamerv3/agent.py
# What it reproduces: the world model, the actor and the critic each get a jaxutils.Optimizer built from the
# one `opt` config block, whose wd is 0.0: the guarded decay code in Optimizer is dead (as in the repository).
import jax
import jax.numpy as jnp

import jaxutils
import nets
from configs import CONFIG


class Agent:

    def __init__(self, obs_space, act_space, config=CONFIG):
        self.config = config
        opt = config['agent']['opt']
        self.wm = nets.WorldModel(obs_space, act_space)
        self.actor = nets.Actor(act_space)
        self.critic = nets.Critic()
        self.model_opt = jaxutils.Optimizer(opt['lr'], eps=opt['eps'], beta1=opt['beta1'], beta2=opt['beta2'],
                                            agc=opt['agc'], warmup=opt['warmup'], wd=opt['wd'])
        self.actor_opt = jaxutils.Optimizer(opt['lr'], eps=opt['eps'], agc=opt['agc'], wd=opt['wd'])
        self.critic_opt = jaxutils.Optimizer(opt['lr'], eps=opt['eps'], agc=opt['agc'], wd=opt['wd'])

    def init(self, rng, data):
        k1, k2, k3 = jax.random.split(rng, 3)
        params = {'wm': self.wm.init(k1, data), 'actor': self.actor.init(k2, data),
                  'critic': self.critic.init(k3, data)}
        opt_states = {'wm': self.model_opt.init(params['wm']), 'actor': self.actor_opt.init(params['actor']),
                      'critic': self.critic_opt.init(params['critic'])}
        return params, opt_states

    def wm_loss(self, wm_params, data):
        losses = self.wm.apply(wm_params, data, method=self.wm.loss)
        scales = self.config['agent']['loss_scales']
        loss = sum(scales[k] * v.mean() for k, v in losses.items() if k in scales)
        return loss, losses

    def actor_loss(self, actor_params, traj, adv):
        logp = self.actor.apply(actor_params, traj, method=self.actor.logp)
        ent = self.actor.apply(actor_params, traj, method=self.actor.entropy)
        loss = -(logp * jax.lax.stop_gradient(adv)).mean() - 3e-4 * ent.mean()
        return loss, {'ent': ent.mean()}

    def critic_loss(self, critic_params, traj, target):
        value = self.critic.apply(critic_params, traj)
        return ((value - jax.lax.stop_gradient(target)) ** 2).mean(), {}

    def train(self, params, opt_states, data):
        params['wm'], opt_states['wm'], mets, _ = self.model_opt.update(
            self.wm_loss, params['wm'], opt_states['wm'], data)
        traj, adv, target = self.wm.apply(params['wm'], data, params['actor'], method=self.wm.imagine)
        params['actor'], opt_states['actor'], amets, _ = self.actor_opt.update(
            self.actor_loss, params['actor'], opt_states['actor'], traj, adv)
        params['critic'], opt_states['critic'], cmets, _ = self.critic_opt.update(
            self.critic_loss, params['critic'], opt_states['critic'], traj, target)
        return params, opt_states, {**mets, **amets, **cmets}
