# Idiom seen in: khanhnamle1994/MetaRec Matrix-Factorization-Experiments/MF-CF-PyTorch/train.py
# What it reproduces: PyTorch-Ignite create_supervised_trainer(model, optimizer, model.loss) with a plain
#   Adam: the only decay is the c_vector prior inside model.loss, which is what the trainer minimizes. Clean.
import numpy as np
import torch
from ignite.engine import Events, create_supervised_trainer, create_supervised_evaluator
from ignite.metrics import MeanSquaredError
from tensorboardX import SummaryWriter
from datetime import datetime

from loader import Loader
from MF import MF

path = '../../ml-1m/'
full_data = np.load(path + 'dataset.npz')
train_x = full_data['train_x'].astype(np.int64)
train_y = full_data['train_y']
test_x = full_data['test_x'].astype(np.int64)
test_y = full_data['test_y']
n_user = int(full_data['n_user'])
n_item = int(full_data['n_item'])

lr = 1e-2
k = 10
c_vector = 1e-6

log_dir = 'runs/simple_mf_01_' + str(datetime.now()).replace(' ', '_')
writer = SummaryWriter(log_dir=log_dir)

model = MF(n_user, n_item, writer=writer, k=k, c_vector=c_vector)
optimizer = torch.optim.Adam(model.parameters(), lr=lr)
trainer = create_supervised_trainer(model, optimizer, model.loss)
metrics = {'accuracy': MeanSquaredError()}
evaluator = create_supervised_evaluator(model, metrics=metrics)

train_loader = Loader(train_x, train_y, batchsize=1024)
test_loader = Loader(test_x, test_y, batchsize=1024)


def log_training_loss(engine, log_interval=500):
    model.itr = engine.state.iteration
    if model.itr % log_interval == 0:
        print("Epoch[{}] Iteration[{}] Loss: {:.2f}".format(
            engine.state.epoch, engine.state.iteration, engine.state.output))


def log_validation_results(engine):
    evaluator.run(test_loader)
    avg_accuracy = evaluator.state.metrics['accuracy']
    print("Epoch[{}] Validation MSE: {:.2f} ".format(engine.state.epoch, avg_accuracy))
    writer.add_scalar("validation/avg_accuracy", avg_accuracy, engine.state.epoch)


trainer.add_event_handler(event_name=Events.ITERATION_COMPLETED, handler=log_training_loss)
trainer.add_event_handler(event_name=Events.EPOCH_COMPLETED, handler=log_validation_results)
trainer.run(train_loader, max_epochs=50)
