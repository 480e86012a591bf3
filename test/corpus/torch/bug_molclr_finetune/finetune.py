# Idiom seen in: yuyangw/MolCLR finetune.py
# Idiom seen in: yuyangw/MolCLR models/ginet_finetune.py
# What it reproduces: the real MolCLR fine-tuning optimizer: torch.optim.Adam over two lr groups
#   (GIN base / pred_lin head), neither with its own weight_decay, so eval(config['weight_decay'])
#   is coupled L2 under Adam and also hits every BatchNorm weight and bias of the encoder.
import os
from datetime import datetime

import numpy as np
import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter

from dataset.dataset_test import MolTestDatasetWrapper


class FineTune(object):
    def __init__(self, dataset, config):
        self.config = config
        self.device = 'cuda' if torch.cuda.is_available() and config['gpu'] != 'cpu' else 'cpu'
        dir_name = datetime.now().strftime('%b%d_%H-%M-%S') + '_' + config['task_name']
        self.writer = SummaryWriter(log_dir=os.path.join('finetune', dir_name))
        self.dataset = dataset
        if config['dataset']['task'] == 'classification':
            self.criterion = nn.CrossEntropyLoss()
        else:
            self.criterion = nn.MSELoss()

    def _step(self, model, data):
        __, pred = model(data)
        if self.config['dataset']['task'] == 'classification':
            return self.criterion(pred, data.y.flatten())
        return self.criterion(pred, data.y)

    def train(self):
        train_loader, valid_loader, test_loader = self.dataset.get_data_loaders()

        from models.ginet_finetune import GINet
        model = GINet(self.config['dataset']['task'], **self.config["model"]).to(self.device)
        model = self._load_pre_trained_weights(model)

        layer_list = []
        for name, param in model.named_parameters():
            if 'pred_lin' in name:
                layer_list.append(name)

        params = list(map(lambda x: x[1], list(filter(lambda kv: kv[0] in layer_list, model.named_parameters()))))
        base_params = list(map(lambda x: x[1], list(filter(lambda kv: kv[0] not in layer_list, model.named_parameters()))))

        optimizer = torch.optim.Adam(
            [{'params': base_params, 'lr': self.config['init_base_lr']}, {'params': params}],  # expect: WD203
            self.config['init_lr'], weight_decay=eval(self.config['weight_decay'])  # expect: WD202
        )

        n_iter = 0
        best_valid_loss = np.inf
        for epoch_counter in range(self.config['epochs']):
            for bn, data in enumerate(train_loader):
                optimizer.zero_grad()
                data = data.to(self.device)
                loss = self._step(model, data)
                if n_iter % self.config['log_every_n_steps'] == 0:
                    self.writer.add_scalar('train_loss', loss, global_step=n_iter)
                loss.backward()
                optimizer.step()
                n_iter += 1

            valid_loss = self._validate(model, valid_loader)
            if valid_loss < best_valid_loss:
                best_valid_loss = valid_loss
                torch.save(model.state_dict(), os.path.join(self.writer.log_dir, 'model.pth'))

    def _load_pre_trained_weights(self, model):
        try:
            ckpt = os.path.join('./ckpt', self.config['fine_tune_from'], 'checkpoints', 'model.pth')
            model.load_my_state_dict(torch.load(ckpt, map_location=self.device))
        except FileNotFoundError:
            print("Pre-trained weights not found. Training from scratch.")
        return model

    def _validate(self, model, valid_loader):
        total, num = 0.0, 0
        with torch.no_grad():
            model.eval()
            for data in valid_loader:
                data = data.to(self.device)
                total += self._step(model, data).item() * data.y.size(0)
                num += data.y.size(0)
        model.train()
        return total / num


if __name__ == "__main__":
    # config_finetune.yaml, as yaml.load returns it (1e-6 comes back as a string, hence eval)
    config = {
        'batch_size': 32, 'epochs': 100, 'eval_every_n_epochs': 1, 'log_every_n_steps': 50,
        'fine_tune_from': 'pretrained_gin', 'init_lr': 0.0005, 'init_base_lr': 0.0001,
        'weight_decay': '1e-6', 'gpu': 'cuda:0', 'task_name': 'BBBP',
        'model': {'num_layer': 5, 'emb_dim': 300, 'feat_dim': 512, 'drop_ratio': 0.3, 'pool': 'mean'},
        'dataset': {'num_workers': 4, 'valid_size': 0.1, 'test_size': 0.1, 'splitting': 'scaffold',
                    'task': 'classification', 'data_path': 'data/bbbp/BBBP.csv', 'target': 'p_np'},
    }
    dataset = MolTestDatasetWrapper(config['batch_size'], **config['dataset'])
    FineTune(dataset, config).train()
