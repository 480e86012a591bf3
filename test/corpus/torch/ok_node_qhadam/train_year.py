# Idiom seen in: Qwicen/node notebooks/year_node_8layers.ipynb
# What it reproduces: the notebook's script form: a DenseBlock regressor trained by the Trainer with
#   QHAdam(nus=(0.7, 1.0), betas=(0.95, 0.998)) and no weight decay anywhere: clean.
import torch
import torch.nn.functional as F
from qhoptim.pyt import QHAdam

import data
from arch import DenseBlock, Lambda
from trainer import Trainer

device = 'cuda' if torch.cuda.is_available() else 'cpu'
experiment_name = 'year_node_8layers'

dataset = data.Dataset('YEAR', random_state=1337, quantile_transform=True, quantile_noise=1e-3)
in_features = dataset.X_train.shape[1]

model = torch.nn.Sequential(
    DenseBlock(in_features, 128, num_layers=8, tree_dim=3, depth=6, flatten_output=False),
    Lambda(lambda x: x[..., 0].mean(dim=-1)),
).to(device)

optimizer_params = {'nus': (0.7, 1.0), 'betas': (0.95, 0.998)}
trainer = Trainer(
    model=model, loss_function=F.mse_loss,
    experiment_name=experiment_name,
    warm_start=False,
    Optimizer=QHAdam,
    optimizer_params=optimizer_params,
    verbose=True,
)

for step, batch in enumerate(data.iterate_minibatches(dataset.X_train, dataset.y_train,
                                                      batch_size=1024, shuffle=True, epochs=float('inf'))):
    metrics = trainer.train_on_batch(*batch, device=device)
    if step % 100 == 0:
        mse = trainer.evaluate_mse(dataset.X_valid, dataset.y_valid, device=device)
        print(step, metrics['loss'].item(), mse)
    if step > 20000:
        break
