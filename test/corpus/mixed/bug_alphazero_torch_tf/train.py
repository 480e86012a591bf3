# Idiom seen in: junxiaosong/AlphaZero_Gomoku train.py
# What it reproduces: the self-play training pipeline that picks the PyTorch or the TensorFlow policy-value net;
# each net's optimizer is set up in its own module.
import argparse
import random
from collections import deque

import numpy as np

from game import Board, Game
from mcts_alphaZero import MCTSPlayer
from policy_value_net_pytorch import PolicyValueNet as TorchPolicyValueNet
from policy_value_net_tensorflow import PolicyValueNet as TFPolicyValueNet


class TrainPipeline():
    def __init__(self, backend='pytorch', init_model=None):
        self.board_width, self.board_height, self.n_in_row = 6, 6, 4
        self.board = Board(width=self.board_width, height=self.board_height, n_in_row=self.n_in_row)
        self.game = Game(self.board)
        self.learn_rate = 2e-3
        self.lr_multiplier = 1.0
        self.buffer_size = 10000
        self.batch_size = 512
        self.data_buffer = deque(maxlen=self.buffer_size)
        self.epochs = 5
        self.game_batch_num = 1500
        net_cls = TorchPolicyValueNet if backend == 'pytorch' else TFPolicyValueNet
        self.policy_value_net = net_cls(self.board_width, self.board_height, model_file=init_model)
        self.mcts_player = MCTSPlayer(self.policy_value_net.policy_value_fn, c_puct=5, n_playout=400, is_selfplay=1)

    def collect_selfplay_data(self):
        winner, play_data = self.game.start_self_play(self.mcts_player, temp=1.0)
        self.data_buffer.extend(list(play_data))

    def policy_update(self):
        mini_batch = random.sample(self.data_buffer, self.batch_size)
        state_batch = [d[0] for d in mini_batch]
        mcts_probs_batch = [d[1] for d in mini_batch]
        winner_batch = [d[2] for d in mini_batch]
        for i in range(self.epochs):
            loss = self.policy_value_net.train_step(state_batch, mcts_probs_batch, winner_batch,
                                                    self.learn_rate * self.lr_multiplier)
        return loss

    def run(self):
        for i in range(self.game_batch_num):
            self.collect_selfplay_data()
            if len(self.data_buffer) > self.batch_size:
                self.policy_update()
            if (i + 1) % 50 == 0:
                self.policy_value_net.save_model('./current_policy.model')


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--backend', default='pytorch', choices=['pytorch', 'tensorflow'])
    TrainPipeline(backend=parser.parse_args().backend).run()
