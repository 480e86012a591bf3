# Idiom seen in: Yangyangii/Curiosity-Driven-A2C main.py
# Idiom seen in: Yangyangii/Curiosity-Driven-A2C losses.py
# What it reproduces: one-step actor-critic with an ICM: three Adam optimizers without weight_decay, one
#   summed loss (lamda * (actor + critic) + icm) and one backward. The ICM forward loss is an MSE between
#   latent features (activations), not a penalty on weights. Clean.
import gym
import numpy as np
import torch
import torch.nn as nn
import torch.optim

from config import ConfigArgs as args
from models import Actor, Critic, FeatureExtractor, ForwardModel, InverseModel


class PGLoss(nn.Module):
    def forward(self, action_prob, reward):
        return -torch.mean(torch.log(action_prob + 1e-6) * reward)


def select_action(policy):
    return np.random.choice(len(policy), 1, p=policy)[0]


def to_tensor(x, dtype=None):
    return torch.tensor(x, dtype=dtype).unsqueeze(0)


if __name__ == '__main__':
    env = gym.make('CartPole-v1')
    actor = Actor(n_actions=env.action_space.n, space_dims=4, hidden_dims=32)
    critic = Critic(space_dims=4, hidden_dims=32)
    feature_extractor = FeatureExtractor(env.observation_space.shape[0], 32)
    forward_model = ForwardModel(env.action_space.n, 32)
    inverse_model = InverseModel(env.action_space.n, 32)

    a_optim = torch.optim.Adam(actor.parameters(), lr=args.lr_actor)
    c_optim = torch.optim.Adam(critic.parameters(), lr=args.lr_critic)
    icm_params = list(feature_extractor.parameters()) + list(forward_model.parameters()) + list(inverse_model.parameters())
    icm_optim = torch.optim.Adam(icm_params, lr=args.lr_icm)

    pg_loss, mse_loss, xe_loss = PGLoss(), nn.MSELoss(), nn.CrossEntropyLoss()
    n_eps, mva, mva_lst = 0, 0.0, []
    while n_eps < args.max_eps:
        n_eps += 1
        next_obs = to_tensor(env.reset(), dtype=torch.float)
        done, score = False, 0
        while not done:
            obs = next_obs
            a_optim.zero_grad()
            c_optim.zero_grad()
            icm_optim.zero_grad()
            policy = actor(obs)
            action = select_action(policy.detach().numpy()[0])
            next_obs, reward, done, _ = env.step(action)
            next_obs = to_tensor(next_obs, dtype=torch.float)
            advantages = torch.zeros_like(policy)
            extrinsic_reward = to_tensor([0.], dtype=torch.float) if args.sparse_mode else to_tensor([reward], dtype=torch.float)
            t_action = to_tensor(action)
            v, next_v = critic(obs)[0], critic(next_obs)[0]

            features = feature_extractor(torch.cat([obs, next_obs], dim=0))
            inverse_action_prob = inverse_model(features)
            est_next_features = forward_model(t_action, features[0:1])
            forward_loss = mse_loss(est_next_features, features[1])
            inverse_loss = xe_loss(inverse_action_prob, t_action.view(-1))
            icm_loss = (1 - args.beta) * inverse_loss + args.beta * forward_loss

            intrinsic_reward = args.eta * forward_loss.detach()
            if done:
                total_reward = -100 + intrinsic_reward if score < 499 else intrinsic_reward
                advantages[0, action] = total_reward - v
                c_target = total_reward
            else:
                total_reward = extrinsic_reward + intrinsic_reward
                advantages[0, action] = total_reward + args.discounted_factor * next_v - v
                c_target = total_reward + args.discounted_factor * next_v

            actor_loss = pg_loss(policy, advantages.detach())
            critic_loss = mse_loss(v, c_target.detach())
            loss = args.lamda * (actor_loss + critic_loss) + icm_loss
            loss.backward()
            icm_optim.step()
            a_optim.step()
            c_optim.step()
            if not done:
                score += reward
        mva = 0.95 * mva + 0.05 * score
        mva_lst.append(mva)
        print('Episodes: {}, AVG Score: {:.3f}, Score: {}'.format(n_eps, mva, score))
    np.save('curiosity-mva.npy', np.array(mva_lst))
