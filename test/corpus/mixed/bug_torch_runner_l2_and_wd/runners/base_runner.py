# Idiom seen in: rutgerswiselab/NCR src/runners/BaseRunner.py (issue #2 "L2 regularization is performed twice")
# What it reproduces: a Runner that owns the training hyper-parameters, builds the optimizer for the model it is handed (GD / Adagrad / Adam, each with weight_decay=self.l2_weight on model.parameters()) and, in fit(), also adds model.l2() * self.l2_weight to the loss. Bugs: double L2 (WD201); coupled weight_decay on Adagrad/Adam (WD202); decay on biases, LayerNorm/BatchNorm and embeddings (WD203).
import logging

import torch
from tqdm import tqdm


class BaseRunner(object):
    @staticmethod
    def parse_runner_args(parser):
        parser.add_argument('--lr', type=float, default=0.01, help='Learning rate.')
        parser.add_argument('--l2', type=float, default=1e-4, help='Weight of l2_regularize in loss.')
        parser.add_argument('--optimizer', type=str, default='GD', help='optimizer: GD, Adam, Adagrad')
        parser.add_argument('--epoch', type=int, default=100, help='Number of epochs.')
        parser.add_argument('--batch_size', type=int, default=128, help='Batch size during training.')
        return parser

    def __init__(self, optimizer='GD', learning_rate=0.01, epoch=100, batch_size=128, l2=1e-5):
        self.optimizer_name = optimizer
        self.learning_rate = learning_rate
        self.epoch = epoch
        self.batch_size = batch_size
        self.l2_weight = l2

    def _build_optimizer(self, model):
        optimizer_name = self.optimizer_name.lower()
        if optimizer_name == 'gd':
            logging.info("Optimizer: GD")
            optimizer = torch.optim.SGD(
                model.parameters(),  # expect: WD203
                lr=self.learning_rate, weight_decay=self.l2_weight)
        elif optimizer_name == 'adagrad':
            logging.info("Optimizer: Adagrad")
            optimizer = torch.optim.Adagrad(
                model.parameters(),  # expect: WD203
                lr=self.learning_rate,
                weight_decay=self.l2_weight)  # expect: WD202
        elif optimizer_name == 'adam':
            logging.info("Optimizer: Adam")
            optimizer = torch.optim.Adam(
                model.parameters(),  # expect: WD203
                lr=self.learning_rate,
                weight_decay=self.l2_weight)  # expect: WD202
        else:
            logging.error("Unknown Optimizer: " + self.optimizer_name)
            assert self.optimizer_name in ['GD', 'Adagrad', 'Adam']
        return optimizer

    def fit(self, model, batches, epoch=-1):
        if model.optimizer is None:
            model.optimizer = self._build_optimizer(model)
        model.train()
        output_dict = None
        for batch in tqdm(batches, leave=False, desc='Epoch %5d' % (epoch + 1), ncols=100):
            model.optimizer.zero_grad()
            output_dict = model(batch)
            loss = output_dict['loss'] + model.l2() * self.l2_weight  # expect: WD201
            loss.backward()
            torch.nn.utils.clip_grad_value_(model.parameters(), 50)
            model.optimizer.step()
        model.eval()
        return output_dict

    def train(self, model, data_processor):
        for epoch in range(self.epoch):
            batches = data_processor.prepare_batches(data_processor.train_data, self.batch_size, train=True)
            last = self.fit(model, batches, epoch=epoch)
            logging.info('epoch %d loss %.4f l2 %.4f', epoch + 1, float(last['loss']),
                         float(model.l2() * self.l2_weight))
