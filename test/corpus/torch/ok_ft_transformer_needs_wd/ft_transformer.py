# Idiom seen in: yandex-research/rtdl bin/ft_transformer.py
# Idiom seen in: yandex-research/rtdl lib/deep.py
# What it reproduces: the rtdl training script: config dict (as loaded from the toml), needs_wd()
#   split of named_parameters, make_optimizer with the decayed group and a weight_decay=0.0 group,
#   plain loss_fn(...).backward(). Clean.
import torch
import torch.nn.functional as F
import zero

import lib
from deep import IndexLoader, get_n_parameters, make_optimizer
from model import Transformer

ARGS = {
    'seed': 0,
    'data': {'path': 'data/california_housing', 'normalization': 'quantile'},
    'model': {'n_layers': 3, 'd_token': 192, 'n_heads': 8, 'd_ffn_factor': 4 / 3,
              'residual_dropout': 0.0},
    'training': {'batch_size': 256, 'lr': 1e-4, 'weight_decay': 1e-5, 'optimizer': 'adamw',
                 'n_epochs': 1000, 'patience': 16},
}


def main(args):
    zero.set_randomness(args['seed'])
    D = lib.Dataset.from_dir(lib.get_path(args['data']['path']))
    X_num, X_cat = D.build_X(normalization=args['data']['normalization'], seed=args['seed'])
    Y, y_info = D.build_y('mean_std')
    device = torch.device('cuda:0' if torch.cuda.is_available() else 'cpu')

    model = Transformer(
        d_numerical=X_num['train'].shape[1],
        categories=lib.get_categories(X_cat),
        d_out=1,
        **args['model'],
    ).to(device)
    print('n_parameters', get_n_parameters(model))

    def needs_wd(name):
        return all(x not in name for x in ['tokenizer', '.norm', '.bias'])

    parameters_with_wd = [v for k, v in model.named_parameters() if needs_wd(k)]
    parameters_without_wd = [v for k, v in model.named_parameters() if not needs_wd(k)]
    optimizer = make_optimizer(
        args['training']['optimizer'],
        [
            {'params': parameters_with_wd},
            {'params': parameters_without_wd, 'weight_decay': 0.0},
        ],
        args['training']['lr'],
        args['training']['weight_decay'],
    )

    train_size = len(X_num['train'])
    progress = zero.ProgressTracker(args['training']['patience'])
    for epoch in range(args['training']['n_epochs']):
        model.train()
        for idx in IndexLoader(train_size, args['training']['batch_size'], True, device):
            optimizer.zero_grad()
            pred = model(X_num['train'][idx], None if X_cat is None else X_cat['train'][idx])
            loss = F.mse_loss(pred, Y['train'][idx])
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            val_pred = model(X_num['val'], None if X_cat is None else X_cat['val'])
            score = -F.mse_loss(val_pred, Y['val']).item()
        progress.update(score)
        if progress.fail:
            break


if __name__ == '__main__':
    main(ARGS)
