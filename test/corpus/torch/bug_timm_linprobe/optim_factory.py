# Idiom seen in: huggingface/pytorch-image-models timm/optim/optim_factory.py (param_groups_weight_decay, create_optimizer_v2)
# What it reproduces: timm's optimizer factory: when weight_decay is non-zero and filter_bias_and_bn is set, 1-D params and biases go to a no-decay group; otherwise model.parameters() are used with the given weight_decay. Its only caller (linprobe.py) always passes weight_decay=0, so the filtering branch never runs (WD303).
import torch.nn as nn
import torch.optim as optim


def param_groups_weight_decay(model, weight_decay=1e-5, no_weight_decay_list=()):
    no_weight_decay_list = set(no_weight_decay_list)
    decay = []
    no_decay = []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if param.ndim <= 1 or name.endswith(".bias") or name in no_weight_decay_list:
            no_decay.append(param)
        else:
            decay.append(param)
    return [
        {'params': no_decay, 'weight_decay': 0.},
        {'params': decay, 'weight_decay': weight_decay}]


def create_optimizer_v2(model_or_params, opt='sgd', lr=None, weight_decay=0., momentum=0.9,
                        filter_bias_and_bn=True, **kwargs):
    if isinstance(model_or_params, nn.Module):
        no_weight_decay = {}
        if hasattr(model_or_params, 'no_weight_decay'):
            no_weight_decay = model_or_params.no_weight_decay()
        if weight_decay and filter_bias_and_bn:  # expect: WD303
            parameters = param_groups_weight_decay(model_or_params, weight_decay, no_weight_decay)
            weight_decay = 0.
        else:
            parameters = model_or_params.parameters()
    else:
        parameters = model_or_params

    opt_lower = opt.lower()
    opt_args = dict(weight_decay=weight_decay, **kwargs)
    if lr is not None:
        opt_args.setdefault('lr', lr)

    if opt_lower in ('sgd', 'nesterov'):
        opt_args.pop('eps', None)
        optimizer = optim.SGD(parameters, momentum=momentum, nesterov=True, **opt_args)
    elif opt_lower == 'momentum':
        opt_args.pop('eps', None)
        optimizer = optim.SGD(parameters, momentum=momentum, nesterov=False, **opt_args)
    elif opt_lower == 'adamw':
        optimizer = optim.AdamW(parameters, **opt_args)
    elif opt_lower == 'rmsprop':
        optimizer = optim.RMSprop(parameters, alpha=0.9, momentum=momentum, **opt_args)
    else:
        raise ValueError(f"Invalid optimizer {opt}")
    return optimizer
