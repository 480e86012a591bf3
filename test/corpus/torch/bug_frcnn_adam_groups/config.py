# Idiom seen in: chenyuntc/simple-faster-rcnn-pytorch model/faster_rcnn.py
# Idiom seen in: chenyuntc/simple-faster-rcnn-pytorch utils/config.py
# What it reproduces: get_optimizer builds one group per parameter (biases lr*2 and no decay, the rest
#   weight_decay=opt.weight_decay) and hands the groups to Adam when opt.use_adam; the user turns use_adam on in
#   Config (option the repo offers): the decaying groups become coupled L2 under Adam.
from pprint import pprint


class Config:
    voc_data_dir = '/data/VOCdevkit/VOC2007/'
    min_size = 600
    max_size = 1000
    num_workers = 8

    rpn_sigma = 3.
    roi_sigma = 1.

    # param for optimizer
    # 0.0005 in origin paper but 0.0001 in tf-faster-rcnn
    weight_decay = 0.0005
    lr_decay = 0.1
    lr = 1e-3

    env = 'faster-rcnn'
    plot_every = 40
    epoch = 14

    use_adam = True  # Use Adam optimizer
    use_drop = False

    def _parse(self, kwargs):
        state_dict = self._state_dict()
        for k, v in kwargs.items():
            if k not in state_dict:
                raise ValueError('UnKnown Option: "--%s"' % k)
            setattr(self, k, v)
        pprint(self._state_dict())

    def _state_dict(self):
        return {k: getattr(self, k) for k, _ in Config.__dict__.items() if not k.startswith('_')}


opt = Config()
