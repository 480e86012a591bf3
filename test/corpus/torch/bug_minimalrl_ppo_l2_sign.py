# Idiom seen in: seungeunrho/minimalRL ppo.py
# What it reproduces: a realistic mistake in minimalRL's PPO idiom (the repo has no L2 at all): the user adds an
#   L2 penalty on the policy/value weights the way the entropy bonus is written, with a minus sign, so the
#   "penalty" rewards larger weights: a negative decay (WD302, at the subtraction). The entropy bonus itself is
#   correctly subtracted. Adam has no weight_decay, so there is nothing else decaying.
import gym
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical

#Hyperparameters
learning_rate = 0.0005
gamma         = 0.98
lmbda         = 0.95
eps_clip      = 0.1
K_epoch       = 3
T_horizon     = 20
entropy_coef  = 0.01
l2_coef       = 1e-4


class PPO(nn.Module):
    def __init__(self):
        super(PPO, self).__init__()
        self.data = []
        self.fc1   = nn.Linear(4, 256)
        self.fc_pi = nn.Linear(256, 2)
        self.fc_v  = nn.Linear(256, 1)
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)

    def pi(self, x, softmax_dim=0):
        x = F.relu(self.fc1(x))
        return F.softmax(self.fc_pi(x), dim=softmax_dim)

    def v(self, x):
        x = F.relu(self.fc1(x))
        return self.fc_v(x)

    def put_data(self, transition):
        self.data.append(transition)

    def make_batch(self):
        s_lst, a_lst, r_lst, s_prime_lst, prob_a_lst, done_lst = [], [], [], [], [], []
        for s, a, r, s_prime, prob_a, done in self.data:
            s_lst.append(s); a_lst.append([a]); r_lst.append([r]); s_prime_lst.append(s_prime)
            prob_a_lst.append([prob_a]); done_lst.append([0 if done else 1])
        self.data = []
        return (torch.tensor(s_lst, dtype=torch.float), torch.tensor(a_lst), torch.tensor(r_lst),
                torch.tensor(s_prime_lst, dtype=torch.float), torch.tensor(done_lst, dtype=torch.float),
                torch.tensor(prob_a_lst))

    def train_net(self):
        s, a, r, s_prime, done_mask, prob_a = self.make_batch()
        for i in range(K_epoch):
            td_target = r + gamma * self.v(s_prime) * done_mask
            delta = (td_target - self.v(s)).detach().numpy()
            advantage_lst, advantage = [], 0.0
            for delta_t in delta[::-1]:
                advantage = gamma * lmbda * advantage + delta_t[0]
                advantage_lst.append([advantage])
            advantage_lst.reverse()
            advantage = torch.tensor(advantage_lst, dtype=torch.float)

            pi = self.pi(s, softmax_dim=1)
            pi_a = pi.gather(1, a)
            ratio = torch.exp(torch.log(pi_a) - torch.log(prob_a))
            surr1 = ratio * advantage
            surr2 = torch.clamp(ratio, 1 - eps_clip, 1 + eps_clip) * advantage
            entropy = Categorical(pi).entropy().mean()
            l2_reg = sum(p.pow(2).sum() for p in self.parameters())
            loss = -torch.min(surr1, surr2) + F.smooth_l1_loss(self.v(s), td_target.detach()) - entropy_coef * entropy - l2_coef * l2_reg  # expect: WD302

            self.optimizer.zero_grad()
            loss.mean().backward()
            self.optimizer.step()


def main():
    env = gym.make('CartPole-v1')
    model = PPO()
    score, print_interval = 0.0, 20
    for n_epi in range(10000):
        s, _ = env.reset()
        done = False
        while not done:
            for t in range(T_horizon):
                prob = model.pi(torch.from_numpy(s).float())
                a = Categorical(prob).sample().item()
                s_prime, r, done, truncated, info = env.step(a)
                model.put_data((s, a, r / 100.0, s_prime, prob[a].item(), done))
                s = s_prime
                score += r
                if done:
                    break
            model.train_net()
        if n_epi % print_interval == 0 and n_epi != 0:
            print("# of episode :{}, avg score : {:.1f}".format(n_epi, score / print_interval))
            score = 0.0
    env.close()


if __name__ == '__main__':
    main()
