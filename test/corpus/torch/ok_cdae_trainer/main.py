# Idiom seen in: khanhnamle1994/MetaRec Autoencoders-Experiments/CDAE-PyTorch/main.py
# What it reproduces: the experiment entry point: a Params-style config, the dataset, CDAE and Trainer. Clean.
import torch
from comet_ml import Experiment

from CDAE import CDAE
from Trainer import Trainer
from Dataset import Dataset
from Evaluator import Evaluator
from Logger import Logger
from Params import Params

if __name__ == '__main__':
    experiment = Experiment(project_name='autoencoders-movielens1M')
    model_conf = Params('config/cdae.json')
    device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
    dataset = Dataset(data_dir='data/', data_name='ml-1m', train_ratio=0.8)
    model = CDAE(model_conf, dataset.num_users, dataset.num_items, device)
    evaluator = Evaluator(eval_pos=dataset.test_dict, eval_target=dataset.test_dict, top_k=[100])
    logger = Logger('./logs')
    trainer = Trainer(dataset, model, evaluator, logger, model_conf)
    trainer.train(experiment)
