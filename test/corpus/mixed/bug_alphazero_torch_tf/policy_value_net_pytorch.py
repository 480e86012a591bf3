# Idiom seen in: junxiaosong/AlphaZero_Gomoku policy_value_net_pytorch.py
# What it reproduces: the PyTorch policy-value net of AlphaZero-Gomoku: optim.Adam(net.parameters(),
# weight_decay=self.l2_const) with l2_const = 1e-4 ("the L2 penalty is incorporated in optimizer"): coupled L2 under Adam, biases too.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


def set_learning_rate(optimizer, lr):
    for param_group in optimizer.param_groups:
        param_group['lr'] = lr


class Net(nn.Module):
    def __init__(self, board_width, board_height):
        super(Net, self).__init__()
        self.board_width, self.board_height = board_width, board_height
        self.conv1 = nn.Conv2d(4, 32, kernel_size=3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, kernel_size=3, padding=1)
        self.conv3 = nn.Conv2d(64, 128, kernel_size=3, padding=1)
        self.act_conv1 = nn.Conv2d(128, 4, kernel_size=1)
        self.act_fc1 = nn.Linear(4 * board_width * board_height, board_width * board_height)
        self.val_conv1 = nn.Conv2d(128, 2, kernel_size=1)
        self.val_fc1 = nn.Linear(2 * board_width * board_height, 64)
        self.val_fc2 = nn.Linear(64, 1)

    def forward(self, state_input):
        x = F.relu(self.conv3(F.relu(self.conv2(F.relu(self.conv1(state_input))))))
        x_act = F.relu(self.act_conv1(x)).view(-1, 4 * self.board_width * self.board_height)
        x_act = F.log_softmax(self.act_fc1(x_act), dim=1)
        x_val = F.relu(self.val_conv1(x)).view(-1, 2 * self.board_width * self.board_height)
        x_val = torch.tanh(self.val_fc2(F.relu(self.val_fc1(x_val))))
        return x_act, x_val


class PolicyValueNet():
    def __init__(self, board_width, board_height, model_file=None, use_gpu=False):
        self.board_width, self.board_height = board_width, board_height
        self.l2_const = 1e-4  # coef of l2 penalty
        self.policy_value_net = Net(board_width, board_height)
        self.optimizer = optim.Adam(self.policy_value_net.parameters(),  # expect: WD203
                                    weight_decay=self.l2_const)  # expect: WD202
        if model_file:
            self.policy_value_net.load_state_dict(torch.load(model_file))

    def policy_value(self, state_batch):
        log_act_probs, value = self.policy_value_net(torch.FloatTensor(np.array(state_batch)))
        return np.exp(log_act_probs.data.numpy()), value.data.numpy()

    def train_step(self, state_batch, mcts_probs, winner_batch, lr):
        state_batch = torch.FloatTensor(np.array(state_batch))
        mcts_probs = torch.FloatTensor(np.array(mcts_probs))
        winner_batch = torch.FloatTensor(np.array(winner_batch))
        self.optimizer.zero_grad()
        set_learning_rate(self.optimizer, lr)
        log_act_probs, value = self.policy_value_net(state_batch)
        # loss = (z - v)^2 - pi^T * log(p) + c||theta||^2; the L2 penalty is incorporated in optimizer
        value_loss = F.mse_loss(value.view(-1), winner_batch)
        policy_loss = -torch.mean(torch.sum(mcts_probs * log_act_probs, 1))
        loss = value_loss + policy_loss
        loss.backward()
        self.optimizer.step()
        entropy = -torch.mean(torch.sum(torch.exp(log_act_probs) * log_act_probs, 1))
        return loss.item(), entropy.item()

    def save_model(self, model_file):
        torch.save(self.policy_value_net.state_dict(), model_file)
